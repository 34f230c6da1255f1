import { z } from 'zod'
import { Id, ShortText } from '../text'
import { Period } from './period'
import { ActivityCategory, SocialBand } from './referenceData'
import {
  checkPayerRow,
  SanitationAmnestyRow,
  SanitationExemptionRow,
  SanitationInspectionRow,
  SanitationPayerRow,
  SanitationTariffVersionRow,
} from './rows'
import { BillingUnit, PayerKind } from './vocabulary'

// Inputs and answers of the calls that create and change the registry's records
// (domain/sanitation/editContract.ts). What a new record holds is in schemas.ts.

const Int = z.number().int()
const Version = z.number().int().nonnegative()
const stored = { id: Id, version: Int }

/** A payer's record as the edit form holds it: everything but the code the registry gave it. */
export const PayerEditFields = SanitationPayerRow.omit({ paymentCode: true })
  .strict()
  .superRefine((row, ctx) =>
    checkPayerRow({ ...row, paymentCode: row.kind === 'household' ? '1000000000' : '2000000000' }, ctx),
  )
export type PayerEditFields = z.infer<typeof PayerEditFields>

/** Changed fields only; the kind and the payment code never change. Checked whole in the service. */
export const PayerChanges = SanitationPayerRow.omit({ paymentCode: true, kind: true }).partial().strict()
export type PayerChanges = z.infer<typeof PayerChanges>

export const PayerUpdate = z.object({ id: Id, version: Version, changes: PayerChanges }).strict()
export type PayerUpdate = z.infer<typeof PayerUpdate>

export const PayerCreated = z.object({ id: Id, paymentCode: z.string() }).strict()

/** A version with its rates gathered in, as the tariffs screen lists it. */
export const TariffVersionView = SanitationTariffVersionRow.extend({
  ...stored,
  bandRates: z.array(z.object({ band: z.string(), rateTetri: Int }).strict()),
  activityRates: z.array(z.object({ category: z.string(), unit: BillingUnit, rateTetri: Int }).strict()),
}).strict()
export type TariffVersionView = z.infer<typeof TariffVersionView>

/** The correction lines a new tariff version makes to charges already issued. */
export const TariffCorrections = z
  .object({
    lineCount: Int,
    payerCount: Int,
    totalTetri: Int,
    /** Issued charges the version has no rate for: left as they are, for an administrator. */
    withoutRate: Int,
    /** The periods corrected, oldest first. */
    periods: z.array(z.string()),
  })
  .strict()
export type TariffCorrections = z.infer<typeof TariffCorrections>

export const TariffVersionCreated = TariffCorrections.extend({ id: Id }).strict()

export const ExemptionView = SanitationExemptionRow.extend(stored).strict()

export const ExemptionEnd = z.object({ id: Id, version: Version, toPeriod: Period }).strict()

export const PlanCancellation = z.object({ id: Id, version: Version, reason: ShortText }).strict()

export const InstalmentView = z.object({ number: Int, dueOn: z.string(), amountTetri: Int }).strict()
export const PlanCreated = z.object({ id: Id, schedule: z.array(InstalmentView) }).strict()

/** What a period amnesty does: to how many payers, and what it forgives and credits. */
export const AmnestyOutcome = z
  .object({ payerCount: Int, lineCount: Int, forgivenTetri: Int, creditedTetri: Int })
  .strict()
export type AmnestyOutcome = z.infer<typeof AmnestyOutcome>

export const AmnestyView = SanitationAmnestyRow.extend(stored).strict()
export type AmnestyView = z.infer<typeof AmnestyView>
/** The amnesty is recorded and its lines are being written: see `lineWritingProgress`. */
export const AmnestyGranted = AmnestyOutcome.extend({ id: Id }).strict()

/** An amnesty or a tariff version whose lines are written in batches, by its id. */
export const LineWritingRecord = z.object({ recordId: Id }).strict()

/**
 * How far the writing of a record's lines is. running: now, on this PC; stopped: the head stopped
 * it, or the app was closed in the middle (the record says 'granting' / 'issuing'): completing it
 * writes what is missing; completed: every line is written.
 */
export const LineWritingProgress = z
  .object({
    recordId: Id,
    state: z.enum(['running', 'stopped', 'completed']),
    doneLines: Int,
    totalLines: Int,
    doneTetri: Int,
  })
  .strict()
export type LineWritingProgress = z.infer<typeof LineWritingProgress>

export const InspectionChangeView = z
  .object({
    field: z.enum(['registeredMembers', 'billingQuantity']),
    from: z.number().nullable(),
    to: z.number(),
  })
  .strict()

/** An inspection in the supervisor's list: the visit, whose it is, and what approving it would change. */
export const InspectionLine = SanitationInspectionRow.extend({
  ...stored,
  payerName: z.string(),
  paymentCode: z.string(),
  payerKind: PayerKind,
  change: InspectionChangeView.nullable(),
}).strict()
export type InspectionLine = z.infer<typeof InspectionLine>

export const InspectionQuery = z
  .object({ approval: z.enum(['pending', 'approved', 'rejected']).nullable().default('pending') })
  .strict()

export const InspectionDecided = z.object({ id: Id, change: InspectionChangeView.nullable() }).strict()

/** The lists the forms choose from: activity categories (with their unit) and social bands. */
export const SanitationReferenceView = z
  .object({ activityCategories: z.array(ActivityCategory), socialBands: z.array(SocialBand) })
  .strict()
export type SanitationReferenceView = z.infer<typeof SanitationReferenceView>

export const ExemptionQuery = z.object({ includePayers: z.boolean().default(false) }).strict()
