import { z } from 'zod'
import { IsoDate } from '../georgian/dates'
import { LegalActKind } from '../georgian/legalAct'
import { Tetri } from '../georgian/money'
import { Id, OptionalText, ShortText } from '../text'
import { Period } from './period'
import { ReferenceCode } from './referenceData'
import {
  amnestyLineFields,
  checkAmnestyRow,
  checkExemptionRow,
  checkInspectionRow,
  checkPayerRow,
  correctionsFields,
  LegalActNumber,
  SanitationAmnestyRow,
  SanitationExemptionRow,
  SanitationInspectionRow,
  SanitationPayerRow,
  SanitationTariffVersionRow,
} from './rows'
import { BillingUnit } from './vocabulary'

// What a clerk fills in: the same schemas check the form in the renderer and the call in the
// backend. Fields the registry sets itself (payment codes, states, who and when) are not here.

export const PayerFields = SanitationPayerRow.omit({ paymentCode: true, status: true, closedOn: true })
  .strict()
  .superRefine((row, ctx) =>
    checkPayerRow(
      {
        ...row,
        paymentCode: row.kind === 'household' ? '1000000000' : '2000000000',
        status: 'active',
        closedOn: null,
      },
      ctx,
    ),
  )
export type PayerFields = z.infer<typeof PayerFields>

const bandRate = z.object({ band: ReferenceCode, rateTetri: Tetri }).strict()
const activityRate = z.object({ category: ReferenceCode, unit: BillingUnit, rateTetri: Tetri }).strict()

export const TariffVersionFields = SanitationTariffVersionRow.omit(correctionsFields)
  .extend({
    bandRates: z.array(bandRate).max(20),
    activityRates: z.array(activityRate).max(200),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.effectiveTo !== null && v.effectiveTo < v.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'sanitation.tariff.endBeforeStart' })
    }
    if (v.effectiveFrom < v.resolutionDate && v.amendsVersionId === null) {
      // A resolution that reaches back before its own date amends an earlier version, and says which.
      ctx.addIssue({
        code: 'custom',
        path: ['amendsVersionId'],
        message: 'sanitation.tariff.retroactiveNeedsAmended',
      })
    }
    const bands = new Set<string>()
    v.bandRates.forEach((r, i) => {
      if (bands.has(r.band))
        ctx.addIssue({
          code: 'custom',
          path: ['bandRates', i, 'band'],
          message: 'sanitation.tariff.duplicateRate',
        })
      bands.add(r.band)
    })
    const activities = new Set<string>()
    v.activityRates.forEach((r, i) => {
      const key = `${r.category}/${r.unit}`
      if (activities.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['activityRates', i, 'category'],
          message: 'sanitation.tariff.duplicateRate',
        })
      }
      activities.add(key)
    })
  })
export type TariffVersionFields = z.infer<typeof TariffVersionFields>

export const BillingRunRequest = z.object({ period: Period, territorialUnitId: Id.nullable() }).strict()
export type BillingRunRequest = z.infer<typeof BillingRunRequest>

export const BillingRunReversal = z.object({ billingRunId: Id, reason: ShortText }).strict()
export type BillingRunReversal = z.infer<typeof BillingRunReversal>

/** A payment taken at the counter; the receipt number comes from the PC's leased block. */
export const CounterPaymentFields = z
  .object({
    payerId: Id,
    amountTetri: Tetri.refine((v) => v > 0, 'sanitation.payment.amountPositive'),
    paidOn: IsoDate,
    note: OptionalText(300),
  })
  .strict()
export type CounterPaymentFields = z.infer<typeof CounterPaymentFields>

export const InstalmentPlanFields = z
  .object({
    payerId: Id,
    totalTetri: Tetri.refine((v) => v > 0, 'sanitation.plan.totalPositive'),
    instalments: z
      .number()
      .int()
      .min(2, 'sanitation.plan.instalments')
      .max(36, 'sanitation.plan.instalments'),
    firstDueOn: IsoDate,
    agreedOn: IsoDate,
    legalActNumber: LegalActNumber,
    legalActDate: IsoDate,
    legalActKind: LegalActKind,
    note: OptionalText(300),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.firstDueOn < p.agreedOn) {
      ctx.addIssue({ code: 'custom', path: ['firstDueOn'], message: 'sanitation.plan.dueBeforeAgreed' })
    }
    if (p.totalTetri < p.instalments) {
      ctx.addIssue({ code: 'custom', path: ['totalTetri'], message: 'sanitation.plan.tooSmall' })
    }
  })
export type InstalmentPlanFields = z.infer<typeof InstalmentPlanFields>

export const ExemptionFields = SanitationExemptionRow.superRefine(checkExemptionRow)
export type ExemptionFields = z.infer<typeof ExemptionFields>

export const AmnestyFields = SanitationAmnestyRow.omit(amnestyLineFields)
  .strict()
  .superRefine(checkAmnestyRow)
export type AmnestyFields = z.infer<typeof AmnestyFields>

/** What an inspector records on a visit (the decision comes later, from a supervisor). */
export const InspectionFields = SanitationInspectionRow.omit({
  approval: true,
  decidedBy: true,
  decidedAt: true,
})
  .strict()
  .superRefine((row, ctx) =>
    checkInspectionRow({ ...row, approval: 'pending', decidedBy: '', decidedAt: null }, ctx),
  )
export type InspectionFields = z.infer<typeof InspectionFields>

/** A supervisor's decision on an inspection (approving it changes the payer as `inspectionChange` says). */
export const InspectionDecision = z.object({ inspectionId: Id, approve: z.boolean() }).strict()
export type InspectionDecision = z.infer<typeof InspectionDecision>
