import { z } from 'zod'
import { ShortText } from '../text'
import { BillingUnit } from './vocabulary'

// Reference data the administrator edits, with the defaults a new installation starts from.
// Rustavi's own resolution could not be read (research/domain.md 1.8, [verify]): every figure below
// that is not from a cited source is marked `default` and is only a starting point.

export const ReferenceCode = z.string().regex(/^[a-z][A-Za-z0-9]{1,39}$/, 'sanitation.reference.codeInvalid')

/** What organisations do, and the unit their fee is counted in. */
export const ActivityCategory = z
  .object({ code: ReferenceCode, nameKa: ShortText, nameEn: ShortText, unit: BillingUnit })
  .strict()
export type ActivityCategory = z.infer<typeof ActivityCategory>

export const defaultActivityCategories: readonly ActivityCategory[] = [
  { code: 'retail', nameKa: 'ვაჭრობა (მაღაზია)', nameEn: 'Retail shop', unit: 'sqm' },
  { code: 'market', nameKa: 'ბაზრობა', nameEn: 'Market', unit: 'sqm' },
  { code: 'office', nameKa: 'საოფისე ფართი', nameEn: 'Office', unit: 'sqm' },
  { code: 'services', nameKa: 'მომსახურების ობიექტი', nameEn: 'Service outlet', unit: 'sqm' },
  { code: 'fuelStation', nameKa: 'ავტოგასამართი სადგური', nameEn: 'Fuel station', unit: 'sqm' },
  { code: 'catering', nameKa: 'საზოგადოებრივი კვების ობიექტი', nameEn: 'Restaurant or café', unit: 'seat' },
  { code: 'entertainment', nameKa: 'გასართობი დაწესებულება', nameEn: 'Entertainment venue', unit: 'seat' },
  { code: 'hotel', nameKa: 'სასტუმრო', nameEn: 'Hotel', unit: 'bed' },
  { code: 'medical', nameKa: 'სამედიცინო დაწესებულება', nameEn: 'Clinic or hospital', unit: 'bed' },
  { code: 'education', nameKa: 'კერძო საგანმანათლებლო დაწესებულება', nameEn: 'Private school', unit: 'sqm' },
  { code: 'industry', nameKa: 'სამრეწველო საწარმო', nameEn: 'Industrial plant', unit: 'cbm' },
  { code: 'construction', nameKa: 'სამშენებლო ობიექტი', nameEn: 'Construction site', unit: 'cbm' },
]

/**
 * A band of the social rating score (the state's vulnerability score of a family): households whose
 * score falls in a band pay that band's rate, set by each tariff version.
 */
export const SocialBandFields = z
  .object({
    code: ReferenceCode,
    nameKa: ShortText,
    nameEn: ShortText,
    minScore: z.number().int().nonnegative().max(1_000_000, 'validation.tooBig'),
    maxScore: z.number().int().nonnegative().max(1_000_000, 'validation.tooBig'),
  })
  .strict()

export function checkSocialBand(band: Pick<SocialBand, 'minScore' | 'maxScore'>, ctx: z.RefinementCtx): void {
  if (band.maxScore < band.minScore) {
    ctx.addIssue({ code: 'custom', path: ['maxScore'], message: 'sanitation.band.range' })
  }
}

export const SocialBand = SocialBandFields.superRefine(checkSocialBand)
export type SocialBand = z.infer<typeof SocialBandFields>

export const defaultSocialBands: readonly SocialBand[] = [
  // Tbilisi's threshold for its reduced rate (research/domain.md 1.8, on.ge); Rustavi's: default.
  { code: 'vulnerable', nameKa: 'სოციალურად დაუცველი', nameEn: 'Vulnerable', minScore: 0, maxScore: 57_000 },
  // default: the band of families that still receive some state benefits.
  {
    code: 'lowIncome',
    nameKa: 'დაბალშემოსავლიანი',
    nameEn: 'Low income',
    minScore: 57_001,
    maxScore: 100_000,
  },
]

/** Which band a score falls in, or null (full rate). Bands do not overlap (`checkSocialBands`). */
export function bandOfScore(bands: readonly SocialBand[], score: number | null): SocialBand | null {
  if (score === null) return null
  return bands.find((b) => score >= b.minScore && score <= b.maxScore) ?? null
}

/** Codes of the bands that overlap another band; empty when the list is sound. */
export function overlappingBands(bands: readonly SocialBand[]): string[] {
  const sorted = [...bands].sort((a, b) => a.minScore - b.minScore)
  const bad = new Set<string>()
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.minScore <= sorted[i - 1]!.maxScore) {
      bad.add(sorted[i - 1]!.code)
      bad.add(sorted[i]!.code)
    }
  }
  return [...bad]
}

/** Settings of the registry that a resolution may change. */
export const SanitationSettings = z
  .object({
    /** The Sakrebulo as the issuer in a legal basis: "რუსთავის მუნიციპალიტეტის საკრებულოს". */
    sakrebuloGenitive: ShortText,
    /** Days after the end of the period before its charge is overdue (default). */
    graceDays: z.number().int().min(0).max(365),
    /** Whether a vacant dwelling is charged (default: not). */
    chargeVacant: z.boolean(),
    /** A bank row above this amount is refused as absurd (default 100 000 ₾). */
    absurdPaymentTetri: z.number().int().positive(),
  })
  .strict()
export type SanitationSettings = z.infer<typeof SanitationSettings>

export const defaultSanitationSettings: SanitationSettings = {
  sakrebuloGenitive: 'რუსთავის მუნიციპალიტეტის საკრებულოს',
  graceDays: 0,
  chargeVacant: false,
  absurdPaymentTetri: 10_000_000,
}
