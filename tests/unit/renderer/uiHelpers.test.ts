import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../domain/errors'
import { routeFromState } from '../../../renderer/src/app/routes'
import { mimeTypeOf } from '../../../renderer/src/property/documents/documentFiles'
import { leaseStatus } from '../../../renderer/src/property/leases/leaseStatus'
import { nextSort } from '../../../renderer/src/property/list/listFilters'
import { errorKey } from '../../../renderer/src/ui/errorKey'
import { formatNumber } from '../../../renderer/src/ui/formatNumber'
import { formatPhone } from '../../../renderer/src/ui/formatPhone'
import { parseDecimal } from '../../../renderer/src/ui/parseDecimal'
import { applyServerErrors } from '../../../renderer/src/ui/serverErrors'

describe('error messages', () => {
  it('map every code to errors.<code>, and a lost connection to its own text', () => {
    for (const code of ErrorCode.options) expect(errorKey({ code, message: 'x' })).toBe(`errors.${code}`)
    expect(errorKey({ code: 'INTERNAL', message: 'network' })).toBe('errors.network')
  })

  it('put backend field messages on the form and return the rest', () => {
    const placed: [string, string][] = []
    const unplaced = applyServerErrors(
      {
        code: 'VALIDATION',
        message: 'Invalid input',
        fields: { 'changes.inventoryNumber': 'property.inventoryNumber.invalid', _: 'validation.invalid' },
      },
      ['inventoryNumber', 'name'],
      (name, error) => placed.push([name, error.message ?? '']),
      'changes.',
    )
    expect(placed).toEqual([['inventoryNumber', 'property.inventoryNumber.invalid']])
    expect(unplaced).toEqual(['validation.invalid'])
  })
})

describe('list sorting', () => {
  it('flips the direction of the sorted column and sorts a new column ascending', () => {
    expect(nextSort({ sort: 'name', direction: 'asc' }, 'name')).toEqual({ sort: 'name', direction: 'desc' })
    expect(nextSort({ sort: 'name', direction: 'desc' }, 'name')).toEqual({ sort: 'name', direction: 'asc' })
    expect(nextSort({ sort: 'name', direction: 'desc' }, 'areaSqm')).toEqual({
      sort: 'areaSqm',
      direction: 'asc',
    })
  })
})

describe('routes from history.state', () => {
  it('accepts our routes and refuses anything else', () => {
    expect(routeFromState({ route: { name: 'propertyReports' } })).toEqual({ name: 'propertyReports' })
    expect(routeFromState({ route: { name: 'propertyDetail', id: 'x' } })).toEqual({
      name: 'propertyDetail',
      id: 'x',
    })
    expect(routeFromState({ route: { name: 'propertyDetail' } })).toBeNull()
    expect(routeFromState({ route: { name: 'admin' } })).toBeNull()
    expect(routeFromState(null)).toBeNull()
    expect(routeFromState('propertyList')).toBeNull()
  })
})

describe('typed numbers', () => {
  it('reads a decimal comma or point and spaces between thousands', () => {
    expect(parseDecimal('1 234,5')).toBe(1234.5)
    expect(parseDecimal('1234.25')).toBe(1234.25)
    expect(parseDecimal('12')).toBe(12)
    expect(parseDecimal('12,3,4')).toBeNull()
    expect(parseDecimal('-5')).toBeNull()
    expect(parseDecimal('ათი')).toBeNull()
  })
})

describe('lease status', () => {
  it('labels a lease running, expired or terminated on a day', () => {
    expect(leaseStatus({ terminatedOn: null, endDate: '2026-12-31' }, '2026-06-01')).toBe('active')
    expect(leaseStatus({ terminatedOn: null, endDate: '2026-12-31' }, '2027-01-01')).toBe('ended')
    expect(leaseStatus({ terminatedOn: '2026-03-01', endDate: '2026-12-31' }, '2026-06-01')).toBe(
      'terminated',
    )
  })
})

describe('uploaded file types', () => {
  it('keeps a well-formed type and replaces anything else', () => {
    expect(mimeTypeOf({ type: 'application/pdf' })).toBe('application/pdf')
    expect(mimeTypeOf({ type: 'Image/JPEG' })).toBe('image/jpeg')
    expect(mimeTypeOf({ type: 'text/plain; charset=utf-8' })).toBe('text/plain')
    expect(mimeTypeOf({ type: '' })).toBe('application/octet-stream')
  })
})

describe('numbers on screen', () => {
  it('group thousands like money does and drop trailing zeros', () => {
    expect(formatNumber(1234.5, 'ka')).toBe('1\u00a0234,5')
    expect(formatNumber(1234567, 'ka')).toBe('1\u00a0234\u00a0567')
    expect(formatNumber(0.456, 'ka')).toBe('0,46')
    expect(formatNumber(12.1, 'en')).toBe('12.1')
    expect(formatNumber(98765.4321, 'en')).toBe('98,765.43')
    expect(formatNumber(-3, 'en')).toBe('-3')
  })
})

describe('phone numbers on screen', () => {
  it('group a normalised Georgian number as it is read out and leave anything else alone', () => {
    expect(formatPhone('+995599123456')).toBe('+995 599 12 34 56')
    expect(formatPhone('+995322123456')).toBe('+995 322 12 34 56')
    expect(formatPhone('12345')).toBe('12345')
  })
})
