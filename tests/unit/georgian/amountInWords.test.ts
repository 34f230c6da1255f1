import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { amountInWords, numberInWords } from '../../../domain/georgian/amountInWords'

describe('numbers in Georgian words', () => {
  const cases: [number, string][] = [
    [0, 'ნული'],
    [1, 'ერთი'],
    [8, 'რვა'],
    [9, 'ცხრა'],
    [10, 'ათი'],
    [11, 'თერთმეტი'],
    [13, 'ცამეტი'],
    [17, 'ჩვიდმეტი'],
    [19, 'ცხრამეტი'],
    [20, 'ოცი'],
    [21, 'ოცდაერთი'],
    [30, 'ოცდაათი'],
    [34, 'ოცდათოთხმეტი'],
    [40, 'ორმოცი'],
    [50, 'ორმოცდაათი'],
    [56, 'ორმოცდათექვსმეტი'],
    [60, 'სამოცი'],
    [77, 'სამოცდაჩვიდმეტი'],
    [80, 'ოთხმოცი'],
    [90, 'ოთხმოცდაათი'],
    [99, 'ოთხმოცდაცხრამეტი'],
    [100, 'ასი'],
    [101, 'ას ერთი'],
    [120, 'ას ოცი'],
    [200, 'ორასი'],
    [234, 'ორას ოცდათოთხმეტი'],
    [800, 'რვაასი'],
    [900, 'ცხრაასი'],
    [999, 'ცხრაას ოთხმოცდაცხრამეტი'],
    [1000, 'ათასი'],
    [1001, 'ათას ერთი'],
    [1121, 'ათას ას ოცდაერთი'],
    [1234, 'ათას ორას ოცდათოთხმეტი'],
    [2000, 'ორი ათასი'],
    [2500, 'ორი ათას ხუთასი'],
    [21_000, 'ოცდაერთი ათასი'],
    [100_000, 'ასი ათასი'],
    [100_100, 'ასი ათას ასი'],
    [234_567, 'ორას ოცდათოთხმეტი ათას ხუთას სამოცდაშვიდი'],
    [1_000_000, 'ერთი მილიონი'],
    [1_000_001, 'ერთი მილიონ ერთი'],
    [1_500_000, 'ერთი მილიონ ხუთასი ათასი'],
    [2_001_000, 'ორი მილიონ ათასი'],
    [3_000_000_000, 'სამი მილიარდი'],
  ]
  for (const [n, words] of cases) {
    it(`${n} = ${words}`, () => expect(numberInWords(n)).toBe(words))
  }

  it('writes an amount of tetri as a receipt does', () => {
    expect(amountInWords(123_456)).toBe('ათას ორას ოცდათოთხმეტი ლარი და ორმოცდათექვსმეტი თეთრი')
    expect(amountInWords(4_000)).toBe('ორმოცი ლარი')
    expect(amountInWords(40)).toBe('ორმოცი თეთრი')
    expect(amountInWords(101)).toBe('ერთი ლარი და ერთი თეთრი')
    expect(amountInWords(0)).toBe('ნული ლარი')
  })

  it('refuses what is not a whole non-negative amount', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError)
    expect(() => amountInWords(1.5)).toThrow(RangeError)
    expect(() => numberInWords(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError)
  })

  it('uses only Georgian words and single spaces, and different numbers read differently', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (a, b) => {
          const wa = numberInWords(a)
          expect(wa).toMatch(/^[\u10d0-\u10f0]+( [\u10d0-\u10f0]+)*$/)
          if (a !== b) expect(wa).not.toBe(numberInWords(b))
        },
      ),
    )
  })

  it('ends a number in its full form and shortens only what comes before more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), (n) => {
        const words = numberInWords(n).split(' ')
        // every word but a shortened hundred, thousand or million ends in ი or ა (რვა, ცხრა)
        expect(words.at(-1)).toMatch(/[ია]$/)
      }),
    )
  })
})
