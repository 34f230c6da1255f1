import { describe, expect, it } from 'vitest'
import { payerAddress } from '../../../domain/sanitation/documentIssuer'
import { sanitationHistoryValue } from '../../../renderer/src/sanitation/card/historyValue'
import { periodName } from '../../../renderer/src/sanitation/documents/periodName'
import { nextPayerSort } from '../../../renderer/src/sanitation/payers/payerFilterState'

const ctx = {
  language: 'ka' as const,
  translate: (key: string) => `<${key}>`,
  unitName: (id: string) => `unit:${id}`,
}

describe("the sanitation clerk's screens", () => {
  it('sort money largest first and text from A, and flip the sorted column', () => {
    expect(nextPayerSort({ sort: 'arrears', direction: 'desc' }, 'name')).toEqual({
      sort: 'name',
      direction: 'asc',
    })
    expect(nextPayerSort({ sort: 'name', direction: 'asc' }, 'balance')).toEqual({
      sort: 'balance',
      direction: 'desc',
    })
    expect(nextPayerSort({ sort: 'arrears', direction: 'desc' }, 'arrears')).toEqual({
      sort: 'arrears',
      direction: 'asc',
    })
  })

  it('name a period and print an address as the documents do', () => {
    expect(periodName('2026-02')).toBe('2026 წლის თებერვალი')
    expect(periodName('2025-12')).toBe('2025 წლის დეკემბერი')
    expect(payerAddress({ street: 'ზღვისპირა ქუჩა', building: '7', apartment: '12' })).toBe(
      'ზღვისპირა ქუჩა 7, ბ. 12',
    )
    expect(payerAddress({ street: 'ზღვისპირა ქუჩა', building: '', apartment: '' })).toBe('ზღვისპირა ქუჩა')
  })

  it("show a history's money, charge kinds, enums and dates in words, not codes", () => {
    expect(sanitationHistoryValue('amountTetri', 1250, ctx)).toBe('12,50\u00a0₾')
    expect(sanitationHistoryValue('kind', 'correction', ctx)).toBe('<sanitation.chargeKind.correction>')
    expect(sanitationHistoryValue('kind', 'household', ctx)).toBe('<sanitation.kind.household>')
    expect(sanitationHistoryValue('channel', 'counter', ctx)).toBe('<sanitation.channel.counter>')
    expect(sanitationHistoryValue('territorialUnitId', 'u1', ctx)).toBe('unit:u1')
    expect(sanitationHistoryValue('paidOn', '2026-03-14', ctx)).toBe('14.03.2026')
    expect(sanitationHistoryValue('note', '', ctx)).toBe('—')
  })
})
