import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CadastralCode,
  CompanyCode,
  isCadastralCode,
  isPhone,
  normalisePhone,
  PersonalNumber,
  Phone,
  PhoneInput,
  PostalCode,
  parseCadastralCode,
} from '../../../domain/georgian'

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message

describe('PersonalNumber', () => {
  it('accepts 11 digits, including a leading zero, and keeps them as text', () => {
    expect(PersonalNumber.parse('01024012345')).toBe('01024012345')
    expect(PersonalNumber.parse(' 35001012345 ')).toBe('35001012345')
  })

  it.each(['0102401234', '010240123456', '0102401234a', '٠١٠٢٤٠١٢٣٤٥', ''])('refuses %j', (value) => {
    expect(messageOf(PersonalNumber.safeParse(value))).toBe('georgian.personalNumber.invalid')
  })

  it('refuses a number, so leading zeros can never be lost', () => {
    expect(PersonalNumber.safeParse(1024012345).success).toBe(false)
  })
})

describe('CompanyCode', () => {
  it('accepts 9 digits (Rustavi municipality itself)', () => {
    expect(CompanyCode.parse('216433287')).toBe('216433287')
  })

  it.each(['21643328', '2164332870', '21643328x'])('refuses %j', (value) => {
    expect(messageOf(CompanyCode.safeParse(value))).toBe('georgian.companyCode.invalid')
  })
})

describe('CadastralCode', () => {
  it.each([
    '01.18.06.019.055',
    '61.14.26.014',
    '01.18.06.019.055.03.01.601',
    '55.12.52.000.128',
    '02.07.101.005.012',
  ])('accepts %s', (code) => {
    expect(CadastralCode.parse(code)).toBe(code)
    expect(isCadastralCode(code)).toBe(true)
  })

  it.each(['01.18.06', '1.18.06.019.055', '01.18.06.019.055.03', '01.18.06.19.055', '01-18-06-019-055'])(
    'refuses %s',
    (code) => {
      expect(messageOf(CadastralCode.safeParse(code))).toBe('georgian.cadastralCode.invalid')
    },
  )

  it('splits a parcel code into its segments', () => {
    expect(parseCadastralCode('01.18.06.019.055')).toEqual({
      zone: '01',
      sector: '18',
      quarter: '06',
      block: '019',
      parcel: '055',
    })
  })

  it('splits a unit code and a four-segment rural code', () => {
    expect(parseCadastralCode('01.18.06.019.055.03.01.601')).toEqual({
      zone: '01',
      sector: '18',
      quarter: '06',
      block: '019',
      parcel: '055',
      unit: '03.01.601',
    })
    expect(parseCadastralCode('61.14.26.014')).toEqual({
      zone: '61',
      sector: '14',
      quarter: '26',
      block: '014',
    })
    expect(parseCadastralCode('not a code')).toBeNull()
  })
})

describe('PostalCode', () => {
  it('accepts four digits (Rustavi is 37xx) and refuses anything else', () => {
    expect(PostalCode.parse('3700')).toBe('3700')
    expect(messageOf(PostalCode.safeParse('370'))).toBe('georgian.postalCode.invalid')
    expect(messageOf(PostalCode.safeParse('37000'))).toBe('georgian.postalCode.invalid')
  })
})

describe('normalisePhone', () => {
  it.each([
    ['599 12 34 56', '+995599123456'],
    ['599-12-34-56', '+995599123456'],
    ['+995599123456', '+995599123456'],
    ['+995 599 12 34 56', '+995599123456'],
    ['995 599123456', '+995599123456'],
    ['00995 599 123 456', '+995599123456'],
    ['(032) 2 12 34 56', '+995322123456'],
    ['0322123456', '+995322123456'],
    ['(0341) 25 12 34', '+995341251234'],
    ['+995 (0)32 2 12 34 56', '+995322123456'],
  ])('%j -> %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected)
  })

  it.each([
    '',
    'phone',
    '25 12 34',
    '599 12 34 5',
    '599 12 34 567',
    '+7 495 123 45 67',
    '+995 12345',
    '599+123456',
    '000000000',
  ])('refuses %j', (input) => {
    expect(normalisePhone(input)).toBeNull()
  })

  it('always returns the canonical form or null, whatever was typed', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const phone = normalisePhone(input)
        return phone === null || isPhone(phone)
      }),
    )
  })

  it('is idempotent on any nine national digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{8}$/), (national) => {
        const phone = normalisePhone(national)
        expect(phone).toBe(`+995${national}`)
        expect(normalisePhone(phone ?? '')).toBe(phone)
      }),
    )
  })
})

describe('Phone and PhoneInput', () => {
  it('Phone accepts only the canonical form', () => {
    expect(Phone.parse('+995599123456')).toBe('+995599123456')
    expect(messageOf(Phone.safeParse('599123456'))).toBe('georgian.phone.invalid')
  })

  it('PhoneInput normalises what the clerk typed', () => {
    expect(PhoneInput.parse('599 12 34 56')).toBe('+995599123456')
    expect(messageOf(PhoneInput.safeParse('12 34'))).toBe('georgian.phone.invalid')
  })
})
