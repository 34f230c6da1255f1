import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldMtavruli, normaliseForSearch } from '../../../domain/georgian'

const MKHEDRULI = 'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ'
const MTAVRULI = 'ᲐᲑᲒᲓᲔᲕᲖᲗᲘᲙᲚᲛᲜᲝᲞᲟᲠᲡᲢᲣᲤᲥᲦᲧᲨᲩᲪᲫᲬᲭᲮᲯᲰ'

describe('foldMtavruli', () => {
  it('folds every modern Mtavruli capital to its Mkhedruli letter', () => {
    expect(foldMtavruli(MTAVRULI)).toBe(MKHEDRULI)
    expect(foldMtavruli('ᲠᲣᲡᲗᲐᲕᲘ')).toBe('რუსთავი')
  })

  it('folds the archaic capitals as well, and leaves the two unassigned code points alone', () => {
    expect(foldMtavruli('\u1cb1\u1cb6\u1cba\u1cbd\u1cbe\u1cbf')).toBe('\u10f1\u10f6\u10fa\u10fd\u10fe\u10ff')
    expect(foldMtavruli('\u1cbb\u1cbc')).toBe('\u1cbb\u1cbc')
  })

  it('agrees with the Unicode case mapping wherever the runtime has one', () => {
    for (let cp = 0x1c90; cp <= 0x1cbf; cp++) {
      const ch = String.fromCodePoint(cp)
      if (ch.toLowerCase() !== ch) expect(foldMtavruli(ch)).toBe(ch.toLowerCase())
    }
  })

  it('leaves Mkhedruli, Latin and digits unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...`${MKHEDRULI}abcXYZ 0123.,`) }), (s) => {
        expect(foldMtavruli(s)).toBe(s)
      }),
    )
  })
})

describe('normaliseForSearch', () => {
  it('folds capitals of both scripts and collapses whitespace', () => {
    expect(normaliseForSearch('  ᲠᲣᲡᲗᲐᲕᲘ   Rustavi\t\nმერია ')).toBe('რუსთავი rustavi მერია')
  })

  it('composes to NFC', () => {
    expect(normaliseForSearch('Cafe\u0301')).toBe('caf\u00e9')
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = normaliseForSearch(s)
        expect(normaliseForSearch(once)).toBe(once)
      }),
    )
  })
})
