import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  dammDigit,
  formatPaymentCode,
  isPaymentCode,
  normalisePaymentCode,
  paymentCodeOf,
  paymentCodesIn,
} from '../../../domain/sanitation/paymentCode'

describe('payment codes', () => {
  it('are ten digits: the kind, an eight-digit serial and a check digit', () => {
    expect(paymentCodeOf('household', 1)).toMatch(/^100000001\d$/)
    expect(paymentCodeOf('organisation', 12_345_678)).toMatch(/^212345678\d$/)
    // Damm's worked example: 572 -> 4; leading zeros do not change the digit
    expect(dammDigit('572')).toBe(4)
    expect(dammDigit('000572')).toBe(4)
    expect(paymentCodeOf('household', 572)).toBe(`100000572${dammDigit('100000572')}`)
    expect(() => paymentCodeOf('household', 0)).toThrow(RangeError)
    expect(() => paymentCodeOf('household', 100_000_000)).toThrow(RangeError)
  })

  it('catch every single wrong digit and every swap of two neighbouring digits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('household' as const, 'organisation' as const),
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (kind, serial, at, shift) => {
          const code = paymentCodeOf(kind, serial)
          expect(isPaymentCode(code)).toBe(true)
          const typo = code.slice(0, at) + String((Number(code[at]) + shift) % 10) + code.slice(at + 1)
          expect(isPaymentCode(typo)).toBe(false)
          if (at < 9 && code[at] !== code[at + 1]) {
            const swapped = code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2)
            expect(isPaymentCode(swapped)).toBe(false)
          }
        },
      ),
    )
  })

  it('are read back from what people write and found inside a transfer purpose', () => {
    const code = paymentCodeOf('household', 123)
    expect(normalisePaymentCode(formatPaymentCode(code))).toBe(code)
    expect(normalisePaymentCode(` ${code.slice(0, 5)}-${code.slice(5)} `)).toBe(code)
    expect(normalisePaymentCode('12345')).toBeNull()
    const other = paymentCodeOf('organisation', 9)
    expect(paymentCodesIn(`დასუფთავება ${code}, ${other}; ${code}; 01001012345`)).toEqual([code, other])
  })
})
