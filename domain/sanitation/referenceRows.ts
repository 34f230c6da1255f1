import { z } from 'zod'
import { IsoDate } from '../georgian/dates'
import { type BankFileFormat, BankFileFormatFields, checkBankColumns } from './bankFileFormat'
import { ActivityCategory, checkSocialBand, SocialBandFields } from './referenceData'

// The stored rows of the registry's reference data (db/schema/sanitation.ts): one row per activity
// category, social band and bank statement format, checked by the schemas of referenceData.ts and
// bankFileFormat.ts. Nothing is deleted: payers, tariff rates and old imports name these codes, so
// an item that is no longer used is retired (from that day on it is not offered, and billing leaves
// a retired band out) and its code stays taken.

/** The day the item was retired; null while it is in use. */
const RetiredOn = IsoDate.nullable()

export const SanitationActivityCategoryRow = ActivityCategory.extend({ retiredOn: RetiredOn }).strict()
export type SanitationActivityCategoryRow = z.infer<typeof SanitationActivityCategoryRow>

export const SanitationSocialBandRow = SocialBandFields.extend({ retiredOn: RetiredOn }).strict()
export type SanitationSocialBandRow = z.infer<typeof SanitationSocialBandRow>
export const checkSocialBandRow = checkSocialBand

/** How a statement is laid out: everything of a format but its code and names. */
export const BankLayout = BankFileFormatFields.omit({ code: true, nameKa: true, nameEn: true })
  .strict()
  .superRefine(checkBankColumns)
export type BankLayout = z.infer<typeof BankLayout>

/**
 * A layout as stored: JSON text of `BankLayout`. One field, so two heads changing a format at once
 * conflict over the whole layout instead of merging one's delimiter with the other's columns.
 */
export const BankLayoutJson = z
  .string()
  .max(4000, 'validation.tooLong')
  .superRefine((text, ctx) => {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      ctx.addIssue({ code: 'custom', message: 'sanitation.bankFormat.layoutInvalid' })
      return
    }
    const parsed = BankLayout.safeParse(value)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message })
    }
  })

export const SanitationBankFormatRow = z
  .object({
    code: BankFileFormatFields.shape.code,
    nameKa: BankFileFormatFields.shape.nameKa,
    nameEn: BankFileFormatFields.shape.nameEn,
    layout: BankLayoutJson,
    retiredOn: RetiredOn,
  })
  .strict()
export type SanitationBankFormatRow = z.infer<typeof SanitationBankFormatRow>

/** The layout as stored: keys in the schema's order, so the same layout is the same text. */
export function layoutJson(format: BankFileFormat | BankLayout): string {
  const { delimiter, skipLines, hasHeader, columns, dateFormat, amountUnit } = format
  return JSON.stringify(
    BankLayout.parse({ delimiter, skipLines, hasHeader, columns, dateFormat, amountUnit }),
  )
}

/** A stored format row as the statement reader takes it. */
export function bankFormatOfRow(row: Pick<SanitationBankFormatRow, 'code' | 'nameKa' | 'nameEn' | 'layout'>) {
  const layout = BankLayout.parse(JSON.parse(row.layout))
  return { code: row.code, nameKa: row.nameKa, nameEn: row.nameEn, ...layout } satisfies BankFileFormat
}
