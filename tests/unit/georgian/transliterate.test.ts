import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  georgianToLatinLayout,
  latinLayout,
  latinLayoutToGeorgian,
  looksLikeAcadNusx,
  romanise,
  searchIndexText,
  searchQueryVariants,
} from '../../../domain/georgian'

const ALPHABET = 'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ'
const LAYOUT_KEYS = 'abgdevzTiklmnopJrstufqRySCcZwWxjh'

describe('latinLayoutToGeorgian', () => {
  it('converts AcadNusx text and wrong-layout typing', () => {
    expect(latinLayoutToGeorgian('saqarTvelo')).toBe('საქართველო')
    expect(latinLayoutToGeorgian('rusTavi')).toBe('რუსთავი')
    expect(latinLayoutToGeorgian('SoTa rusTaveli')).toBe('შოთა რუსთაველი')
    expect(latinLayoutToGeorgian('WadrakiT Ciaturaze ZaRli JRavis')).toBe('ჭადრაკით ჩიატურაზე ძაღლი ჟღავის')
  })

  it('maps capitals without a meaning of their own as their lower-case letter', () => {
    expect(latinLayoutToGeorgian('Rustavi')).toBe('ღუსტავი')
    expect(latinLayoutToGeorgian('Mmeria')).toBe('მმერია')
  })

  it('leaves digits, punctuation and Georgian untouched', () => {
    expect(latinLayoutToGeorgian('№12, 3700 - თ')).toBe('№12, 3700 - თ')
  })

  it('maps the 33 layout keys one-to-one onto the 33 letters of the alphabet', () => {
    expect(Object.keys(latinLayout)).toHaveLength(33)
    expect(latinLayoutToGeorgian(LAYOUT_KEYS)).toBe(ALPHABET)
    expect(new Set(Object.values(latinLayout)).size).toBe(33)
    expect([...Object.values(latinLayout)].sort().join('')).toBe(ALPHABET)
  })

  it('is a bijection: converting back and forth is the identity on both sides', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET) }), (georgian) => {
        expect(latinLayoutToGeorgian(georgianToLatinLayout(georgian))).toBe(georgian)
      }),
    )
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...LAYOUT_KEYS) }), (keys) => {
        expect(georgianToLatinLayout(latinLayoutToGeorgian(keys))).toBe(keys)
      }),
    )
  })
})

describe('romanise', () => {
  it('follows the national system of 2002 without apostrophes', () => {
    expect(romanise('რუსთავი')).toBe('rustavi')
    expect(romanise('შოთა რუსთაველი')).toBe('shota rustaveli')
    expect(romanise('ჟღენტი')).toBe('zhghenti')
    expect(romanise('წყალტუბო')).toBe('tsqaltubo')
    expect(romanise('ჭიათურა')).toBe('chiatura')
    expect(romanise('ძიძიგური')).toBe('dzidziguri')
    expect(romanise('ხაშური')).toBe('khashuri')
    expect(romanise('ფოთი, ქუთაისი')).toBe('poti, kutaisi')
    expect(romanise('ჯავახეთი, ჰერეთი')).toBe('javakheti, hereti')
  })

  it('romanises Mtavruli capitals as their letters', () => {
    expect(romanise('ᲠᲣᲡᲗᲐᲕᲘ')).toBe('rustavi')
  })

  it('gives a letter for each of the 33 letters', () => {
    expect([...ALPHABET].map(romanise).join(' ')).toBe(
      'a b g d e v z t i k l m n o p zh r s t u p k gh q sh ch ts dz ts ch kh j h',
    )
  })

  it('produces lower-case ASCII only from Georgian text', () => {
    const unit = fc.constantFrom(...`${ALPHABET}ჱჲჳჴჵჶჷ`, ...'ᲐᲑᲒᲰ', ' ', '-')
    fc.assert(
      fc.property(fc.string({ unit }), (georgian) => {
        expect(romanise(georgian)).toMatch(/^[a-z -]*$/)
      }),
    )
  })
})

describe('looksLikeAcadNusx', () => {
  it.each([
    'saqarTvelo',
    'saqarTvelos respublikis kanoni',
    'q. rusTavi, meoTxe mikroraioni',
    'qalaqi rustavi',
  ])('recognises %j', (text) => {
    expect(looksLikeAcadNusx(text)).toBe(true)
  })

  it.each([
    'Rustavi',
    'Hello World',
    'Iraq',
    'the JavaScript course',
    'საქართველო',
    'saqarTvelo საქართველო',
    '12345',
    '',
    'getRateById',
  ])('does not flag %j', (text) => {
    expect(looksLikeAcadNusx(text)).toBe(false)
  })
})

describe('searchIndexText', () => {
  it('holds the normalised text and the romanised Georgian words', () => {
    expect(searchIndexText('ᲨᲝᲗᲐ  რუსთაველი', 'რუსთავი')).toBe(
      'შოთა რუსთაველი რუსთავი shota rustaveli rustavi',
    )
  })

  it('deduplicates words and romanises the Georgian part of a mixed word', () => {
    expect(searchIndexText('XI მიკრორაიონი', 'xi-მიკრორაიონი, კორპუსი 5', 'XI მიკრორაიონი')).toBe(
      'xi მიკრორაიონი xi-მიკრორაიონი, კორპუსი 5 mikroraioni korpusi',
    )
  })

  it('is empty for nothing', () => {
    expect(searchIndexText()).toBe('')
    expect(searchIndexText('  ', '')).toBe('')
  })
})

describe('searchQueryVariants', () => {
  it('adds the Georgian reading of what was typed on the Latin layout', () => {
    expect(searchQueryVariants('rusTavi')).toEqual(['rustavi', 'რუსთავი'])
    expect(searchQueryVariants('SoTa')).toEqual(['sota', 'შოთა'])
  })

  it('gives one variant for Georgian text and drops empty ones', () => {
    expect(searchQueryVariants(' ᲠᲣᲡᲗᲐᲕᲘ ')).toEqual(['რუსთავი'])
    expect(searchQueryVariants('   ')).toEqual([])
    expect(searchQueryVariants('3700')).toEqual(['3700'])
  })

  it('lets a query typed either way find a Georgian name by prefix', () => {
    const index = searchIndexText('შოთა რუსთაველი').split(' ')
    const finds = (query: string) =>
      searchQueryVariants(query).some((variant) => index.some((word) => word.startsWith(variant)))
    for (const query of ['SoTa', 'rusTavel', 'rustaveli', 'shota', 'ᲨᲝᲗ', 'შოთ'])
      expect(finds(query)).toBe(true)
    expect(finds('kutaisi')).toBe(false)
  })
})
