import { describe, expect, it } from 'vitest'
import {
  formatHistoryValue,
  type HistoryValueContext,
} from '../../../renderer/src/property/history/historyValue'

const ctx = (language: 'ka' | 'en'): HistoryValueContext => ({
  language,
  translate: (key, params) => (params ? `${key}(${JSON.stringify(params)})` : `<${key}>`),
  unitName: (id) => `unit:${id}`,
})

describe('history values', () => {
  it('shows money in lari in the language of the screen', () => {
    expect(formatHistoryValue('bookValueTetri', 123456, ctx('ka'))).toBe('1\u00a0234,56\u00a0₾')
    expect(formatHistoryValue('annualRentTetri', 123456, ctx('en'))).toBe('₾1,234.56')
  })

  it('shows dates as dd.MM.yyyy and timestamps in Tbilisi time', () => {
    expect(formatHistoryValue('acquiredOn', '2019-12-20', ctx('ka'))).toBe('20.12.2019')
    expect(formatHistoryValue('deletedAt', '2024-03-01T20:30:00.000Z', ctx('ka'))).toBe('02.03.2024 00:30')
  })

  it('names enum values and territorial units instead of showing codes', () => {
    expect(formatHistoryValue('state', 'leased', ctx('ka'))).toBe('<property.state.leased>')
    expect(formatHistoryValue('kind', 'photo', ctx('ka'))).toBe('<property.documentKind.photo>')
    expect(formatHistoryValue('territorialUnitId', 'abc', ctx('ka'))).toBe('unit:abc')
    expect(formatHistoryValue('reason', 'registration', ctx('ka'))).toBe('<property.cadastral.registration>')
  })

  it('shows nothing given as a dash and plain text as it is', () => {
    expect(formatHistoryValue('postalCode', null, ctx('ka'))).toBe('—')
    expect(formatHistoryValue('notes', '', ctx('ka'))).toBe('—')
    expect(formatHistoryValue('street', 'რუსთაველის ქ.', ctx('ka'))).toBe('რუსთაველის ქ.')
  })

  it('writes areas with the decimal comma in Georgian', () => {
    expect(formatHistoryValue('areaSqm', 1234.5, ctx('ka'))).toBe('1\u00a0234,5')
    expect(formatHistoryValue('areaSqm', 1234.5, ctx('en'))).toBe('1,234.5')
  })
})
