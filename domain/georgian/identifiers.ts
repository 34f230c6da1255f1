import { z } from 'zod'

// Identifiers are text: personal numbers may start with 0, and none of them carries a
// published checksum (research/domain.md 1.1), so only length and digits are checked.

const PERSONAL_NUMBER = /^\d{11}$/
const COMPANY_CODE = /^\d{9}$/
const POSTAL_CODE = /^\d{4}$/
const PHONE = /^\+995[1-9]\d{8}$/
/** zone.sector.quarter.block[.parcel][.building.entrance-or-floor.unit] (research/domain.md 1.2). */
const CADASTRAL_CODE = /^(\d{2})\.(\d{2})\.(\d{2,3})\.(\d{3})(?:\.(\d{3}))?(?:\.(\d{2}\.\d{2}\.\d{3}))?$/

export const PersonalNumber = z.string().trim().regex(PERSONAL_NUMBER, 'georgian.personalNumber.invalid')
export type PersonalNumber = z.infer<typeof PersonalNumber>

/** Also the 9-digit tax number of a foreign natural person, so 9 digits does not always mean a company. */
export const CompanyCode = z.string().trim().regex(COMPANY_CODE, 'georgian.companyCode.invalid')
export type CompanyCode = z.infer<typeof CompanyCode>

export const CadastralCode = z.string().trim().regex(CADASTRAL_CODE, 'georgian.cadastralCode.invalid')
export type CadastralCode = z.infer<typeof CadastralCode>

export const PostalCode = z.string().trim().regex(POSTAL_CODE, 'georgian.postalCode.invalid')
export type PostalCode = z.infer<typeof PostalCode>

/** Canonical form only (+995 and 9 national digits); forms normalise with `normalisePhone` or `PhoneInput`. */
export const Phone = z.string().regex(PHONE, 'georgian.phone.invalid')
export type Phone = z.infer<typeof Phone>

export const isPersonalNumber = (s: string): boolean => PERSONAL_NUMBER.test(s)
export const isCompanyCode = (s: string): boolean => COMPANY_CODE.test(s)
export const isCadastralCode = (s: string): boolean => CADASTRAL_CODE.test(s)
export const isPostalCode = (s: string): boolean => POSTAL_CODE.test(s)
export const isPhone = (s: string): boolean => PHONE.test(s)

export type CadastralCodeParts = {
  zone: string
  sector: string
  quarter: string
  block: string
  parcel?: string
  /** Building, entrance-or-floor and unit of a flat or premises, e.g. '03.01.601'. */
  unit?: string
}

export function parseCadastralCode(s: string): CadastralCodeParts | null {
  const m = CADASTRAL_CODE.exec(s.trim())
  if (!m) return null
  const [, zone, sector, quarter, block, parcel, unit] = m
  if (zone === undefined || sector === undefined || quarter === undefined || block === undefined) return null
  return {
    zone,
    sector,
    quarter,
    block,
    ...(parcel === undefined ? {} : { parcel }),
    ...(unit === undefined ? {} : { unit }),
  }
}

/**
 * '599 12 34 56', '(032) 2 12 34 56', '0322123456', '995 599123456', '00995 599 123456' and
 * '+995 (0)32 212 34 56' all become '+995…' with 9 national digits. Numbers without an area code
 * (6 digits) are refused rather than guessed.
 */
export function normalisePhone(input: string): string | null {
  const text = input.trim()
  if (!/^\+?[\d\s\u00a0().-]+$/.test(text)) return null
  const hasPlus = text.startsWith('+')
  let digits = text.replace(/\D/g, '')
  if (digits.startsWith('00995')) digits = digits.slice(2)
  else if (hasPlus && !digits.startsWith('995')) return null
  if (digits.length >= 12 && digits.startsWith('995')) digits = digits.slice(3)
  else if (hasPlus) return null
  // the domestic trunk prefix: (032) 2 12 34 56, 0341 25 12 34, +995 (0)32 …
  if (digits.length === 10 && digits.startsWith('0')) digits = digits.slice(1)
  const phone = `+995${digits}`
  return PHONE.test(phone) ? phone : null
}

/** For forms: what the clerk typed, normalised, or the phone message. */
export const PhoneInput = z.string().transform((s, ctx) => {
  const phone = normalisePhone(s)
  if (phone === null) {
    ctx.addIssue({ code: 'custom', message: 'georgian.phone.invalid' })
    return z.NEVER
  }
  return phone
})
