import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatGel, formatThousandGel, parseGel, Tetri, TetriDelta } from '../../../domain/georgian'

const NB = '\u00a0'

describe('Tetri', () => {
  it('accepts whole non-negative tetri', () => {
    expect(Tetri.parse(0)).toBe(0)
    expect(Tetri.parse(123_456)).toBe(123_456)
  })

  it('refuses fractions, negatives and unsafe integers with message keys', () => {
    expect(Tetri.safeParse(12.5).error?.issues[0]?.message).toBe('georgian.money.invalid')
    expect(Tetri.safeParse(2 ** 60).error?.issues[0]?.message).toBe('georgian.money.invalid')
    expect(Tetri.safeParse(-1).error?.issues[0]?.message).toBe('georgian.money.negative')
  })

  it('TetriDelta allows negative changes', () => {
    expect(TetriDelta.parse(-500)).toBe(-500)
    expect(TetriDelta.safeParse(0.5).success).toBe(false)
  })
})

describe('formatGel', () => {
  it('writes Georgian amounts with no-break spaces and a comma', () => {
    expect(formatGel(123_456)).toBe(`1${NB}234,56${NB}₾`)
    expect(formatGel(0)).toBe(`0,00${NB}₾`)
    expect(formatGel(5)).toBe(`0,05${NB}₾`)
    expect(formatGel(100_000_000_00)).toBe(`100${NB}000${NB}000,00${NB}₾`)
    expect(formatGel(-123_456)).toBe(`-1${NB}234,56${NB}₾`)
  })

  it('writes English amounts with the sign first', () => {
    expect(formatGel(123_456, 'en')).toBe('₾1,234.56')
    expect(formatGel(99, 'en')).toBe('₾0.99')
    expect(formatGel(-123_456, 'en')).toBe('-₾1,234.56')
  })

  it('refuses a fraction of a tetri', () => {
    expect(() => formatGel(1.5)).toThrow(RangeError)
  })

  it('is exact at the largest safe integer', () => {
    expect(formatGel(Number.MAX_SAFE_INTEGER, 'en')).toBe('₾90,071,992,547,409.91')
  })
})

describe('parseGel', () => {
  it.each([
    ['1234,56', 123_456],
    ['1 234.56', 123_456],
    [`1${NB}234,56${NB}₾`, 123_456],
    ['1234', 123_400],
    ['12,5', 1_250],
    ['0,05', 5],
    [',5', 50],
    ['1,234.56', 123_456],
    ['1.234,56', 123_456],
    ['1 234 567', 123_456_700],
    ['₾1,234.56', 123_456],
    ['12 ლარი', 1_200],
    ['GEL 15.00', 1_500],
    ['-1 234,56 ₾', -123_456],
  ])('%j -> %d tetri', (text, tetri) => {
    expect(parseGel(text)).toBe(tetri)
  })

  it.each([
    '12,345',
    '1.2.3,45',
    'abc',
    '12a',
    '',
    '12,',
    '1 23',
    '1 234.567,00',
    '99999999999999999',
    '12 34,5',
  ])('refuses %j', (text) => {
    expect(parseGel(text)).toBeNull()
  })

  it('round-trips every amount through both formats', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 13), max: 10 ** 13 }),
        fc.constantFrom('ka', 'en'),
        (tetri, lang) => {
          expect(parseGel(formatGel(tetri, lang))).toBe(tetri)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('round-trips at the edges of the safe range', () => {
    for (const tetri of [0, 1, 99, 100, 101, 10 ** 13, Number.MAX_SAFE_INTEGER]) {
      expect(parseGel(formatGel(tetri))).toBe(tetri)
    }
  })
})

describe('formatThousandGel', () => {
  it('gives thousands of lari with one decimal', () => {
    expect(formatThousandGel(907_000_000)).toBe(`9${NB}070,0`)
    expect(formatThousandGel(907_000_000, 'en')).toBe('9,070.0')
    expect(formatThousandGel(12_345_678)).toBe('123,5')
    expect(formatThousandGel(0)).toBe('0,0')
  })

  it('rounds half away from zero and never prints -0,0', () => {
    expect(formatThousandGel(5_000)).toBe('0,1')
    expect(formatThousandGel(4_999)).toBe('0,0')
    expect(formatThousandGel(-5_000)).toBe('-0,1')
    expect(formatThousandGel(-4_999)).toBe('0,0')
  })

  it('agrees with exact decimal rounding for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (tetri) => {
        const tenths = (BigInt(tetri) * 2n + 10_000n) / 20_000n
        const expected = `${tenths / 10n}.${tenths % 10n}`
        expect(formatThousandGel(tetri, 'en').replaceAll(',', '')).toBe(expected)
      }),
    )
  })
})
