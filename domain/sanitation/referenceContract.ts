import { z } from 'zod'
import { inDepartment } from '../auth/access'
import { defineCalls } from '../contract'
import { IsoDate } from '../georgian/dates'
import { Id } from '../text'
import { BankFileFormat, BankFileFormatFields, checkBankColumns } from './bankFileFormat'
import { ActivityCategory, checkSocialBand, SocialBand, SocialBandFields } from './referenceData'
import { BankLineProblem } from './vocabulary'

// The registry's reference data: activity categories, social bands and bank statement formats. A
// clerk reads them (the import offers the formats in use); only a head of the department changes
// them. Codes never change and are never reused; an item no longer used is retired, not deleted.

const Int = z.number().int()
const Version = z.number().int().nonnegative()
const stored = { id: Id, version: Version, retiredOn: IsoDate.nullable() }

export const ActivityCategoryItem = ActivityCategory.extend(stored).strict()
export type ActivityCategoryItem = z.infer<typeof ActivityCategoryItem>
export const SocialBandItem = SocialBandFields.extend(stored).strict()
export type SocialBandItem = z.infer<typeof SocialBandItem>
export const BankFormatItem = BankFileFormatFields.extend(stored).strict()
export type BankFormatItem = z.infer<typeof BankFormatItem>

export const ReferenceDataView = z
  .object({
    categories: z.array(ActivityCategoryItem),
    bands: z.array(SocialBandItem),
    bankFormats: z.array(BankFormatItem),
  })
  .strict()
export type ReferenceDataView = z.infer<typeof ReferenceDataView>

/** An edit: the item's id, the version its form was loaded from, and every field but the code. */
const edit = { id: Id, version: Version }
export const ActivityCategoryEdit = ActivityCategory.omit({ code: true }).extend(edit).strict()
export type ActivityCategoryEdit = z.infer<typeof ActivityCategoryEdit>
export const SocialBandEdit = SocialBandFields.omit({ code: true })
  .extend(edit)
  .strict()
  .superRefine(checkSocialBand)
export type SocialBandEdit = z.infer<typeof SocialBandEdit>
export const BankFormatEdit = BankFileFormatFields.omit({ code: true })
  .extend(edit)
  .strict()
  .superRefine(checkBankColumns)
export type BankFormatEdit = z.infer<typeof BankFormatEdit>

export const ReferenceKind = z.enum(['activityCategory', 'socialBand', 'bankFormat'])
export type ReferenceKind = z.infer<typeof ReferenceKind>

export const RetireReferenceItem = z
  .object({ kind: ReferenceKind, id: Id, version: Version, retired: z.boolean() })
  .strict()

/** A format's mapping tried on a sample statement (CSV or xlsx) the head chose; nothing is stored. */
export const BankFormatTrial = z
  .object({
    format: BankFileFormat,
    fileName: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    /** The sample's bytes, base64 (at most ~20 MB). */
    contentBase64: z.string().min(1, 'validation.required').max(28_000_000, 'validation.tooBig'),
  })
  .strict()
export type BankFormatTrial = z.input<typeof BankFormatTrial>

export const BankFormatPreviewView = z
  .object({
    header: z.array(z.string()).nullable(),
    cells: z.array(z.array(z.string())),
    lines: z.array(
      z
        .object({
          rowNumber: Int,
          payerCodeText: z.string(),
          amountTetri: Int.nullable(),
          paidOn: z.string().nullable(),
          reference: z.string(),
          payerName: z.string(),
          problems: z.array(BankLineProblem),
        })
        .strict(),
    ),
    rowCount: Int,
    fileProblem: z
      .discriminatedUnion('problem', [
        z.object({ problem: z.literal('missingColumn'), columns: z.array(z.string()) }).strict(),
        z.object({ problem: z.literal('empty') }).strict(),
      ])
      .nullable(),
  })
  .strict()
export type BankFormatPreviewView = z.infer<typeof BankFormatPreviewView>

const saved = z.object({ id: Id }).strict()
const read = inDepartment('sanitation', 'read')
const approve = inDepartment('sanitation', 'approve')

export const sanitationReferenceCalls = defineCalls({
  /** Every item with its version and retirement, for the head's screen (forms use `referenceData`). */
  listReferenceData: { input: z.object({}).strict(), output: ReferenceDataView, access: read },
  createActivityCategory: { input: ActivityCategory, output: saved, access: approve },
  updateActivityCategory: { input: ActivityCategoryEdit, output: saved, access: approve },
  createSocialBand: { input: SocialBand, output: saved, access: approve },
  updateSocialBand: { input: SocialBandEdit, output: saved, access: approve },
  createBankFormat: { input: BankFileFormat, output: saved, access: approve },
  updateBankFormat: { input: BankFormatEdit, output: saved, access: approve },
  /** Retires an item (from today it is not offered) or brings a retired one back. */
  retireReferenceItem: { input: RetireReferenceItem, output: saved, access: approve },
  previewBankFormat: { input: BankFormatTrial, output: BankFormatPreviewView, access: approve },
})
