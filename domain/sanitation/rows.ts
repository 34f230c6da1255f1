import { z } from 'zod'
import { IsoDate } from '../georgian/dates'
import { CompanyCode, PersonalNumber, Phone, PostalCode } from '../georgian/identifiers'
import { LegalActKind } from '../georgian/legalAct'
import { Tetri, TetriDelta } from '../georgian/money'
import { Id, LongText, OptionalText, ShortText } from '../text'
import { isPaymentCode } from './paymentCode'
import { Period } from './period'
import { ReferenceCode } from './referenceData'
import {
  AmnestyCoverage,
  AmnestyState,
  ApprovalState,
  BankImportState,
  BankLineProblem,
  BankLineStatus,
  BillingRunState,
  BillingUnit,
  ChargeKind,
  CorrectionsState,
  ExemptionTarget,
  InstalmentPlanState,
  PayerKind,
  PayerStatus,
  PaymentChannel,
} from './vocabulary'

// The full stored rows of the sanitation registry's replicated tables (without the system columns):
// what a PC pushes and the server keeps. Cross-field rules live beside each shape (`check...`), so a
// row merged from two PCs' fields is checked as a whole. Money is whole tetri everywhere.

const issue = (ctx: z.RefinementCtx, path: string, message: string) =>
  ctx.addIssue({ code: 'custom', path: [path], message })

export const PaymentCode = z.string().refine(isPaymentCode, 'sanitation.paymentCode.invalid')

/** A quantity of a billing unit (12.35 m²): at most two decimals. */
export const BillingQuantity = z
  .number()
  .nonnegative()
  .max(10_000_000, 'validation.tooBig')
  .refine((v) => Math.round(v * 100) === Number((v * 100).toFixed(6)), 'sanitation.quantity.precision')

/** The state's social rating score of a family (0 ... 200 000 in practice). */
export const SocialScore = z.number().int().min(0).max(1_000_000)

export const LegalActNumber = z
  .string()
  .trim()
  .min(1, 'georgian.legalAct.numberRequired')
  .max(40, 'validation.tooLong')

export const SanitationPayerRow = z
  .object({
    kind: PayerKind,
    status: PayerStatus,
    paymentCode: PaymentCode,
    /** The head of the household's full name, or the organisation's name. */
    name: ShortText,
    personalNumber: PersonalNumber.nullable(),
    companyCode: CompanyCode.nullable(),
    territorialUnitId: Id,
    street: ShortText,
    building: OptionalText(20),
    apartment: OptionalText(20),
    postalCode: PostalCode.nullable(),
    phone: Phone.nullable(),
    registeredMembers: z.number().int().min(0).max(99).nullable(),
    socialScore: SocialScore.nullable(),
    activityCategory: ReferenceCode.nullable(),
    billingUnit: BillingUnit.nullable(),
    billingQuantity: BillingQuantity.nullable(),
    /** The first period the payer is billed for. */
    billedFrom: Period,
    /** The payer is billed up to the month of this day; null while the payer exists. */
    closedOn: IsoDate.nullable(),
    notes: LongText,
  })
  .strict()
export type SanitationPayerRow = z.infer<typeof SanitationPayerRow>

/** A household has a head and members; an organisation a company code, a category, a unit and a quantity. */
export function checkPayerRow(row: SanitationPayerRow, ctx: z.RefinementCtx): void {
  const kindDigit = row.kind === 'household' ? '1' : '2'
  if (!row.paymentCode.startsWith(kindDigit)) issue(ctx, 'paymentCode', 'sanitation.paymentCode.wrongKind')
  if (row.kind === 'household') {
    if (row.personalNumber === null) issue(ctx, 'personalNumber', 'validation.required')
    if (row.registeredMembers === null) issue(ctx, 'registeredMembers', 'validation.required')
    for (const field of ['companyCode', 'activityCategory', 'billingUnit', 'billingQuantity'] as const) {
      if (row[field] !== null) issue(ctx, field, 'sanitation.payer.notForHousehold')
    }
  } else {
    if (row.companyCode === null) issue(ctx, 'companyCode', 'validation.required')
    if (row.activityCategory === null) issue(ctx, 'activityCategory', 'validation.required')
    if (row.billingUnit === null) issue(ctx, 'billingUnit', 'validation.required')
    if (row.billingQuantity === null) issue(ctx, 'billingQuantity', 'validation.required')
    for (const field of ['personalNumber', 'registeredMembers', 'socialScore'] as const) {
      if (row[field] !== null) issue(ctx, field, 'sanitation.payer.notForOrganisation')
    }
  }
  if (row.status === 'closed' && row.closedOn === null) issue(ctx, 'closedOn', 'validation.required')
  if (row.closedOn !== null && row.closedOn.slice(0, 7) < row.billedFrom) {
    issue(ctx, 'closedOn', 'sanitation.payer.closedBeforeStart')
  }
}

export const SanitationTariffVersionRow = z
  .object({
    resolutionNumber: LegalActNumber,
    resolutionDate: IsoDate,
    effectiveFrom: IsoDate,
    effectiveTo: IsoDate.nullable(),
    /** The full household rate, per counted member per month. */
    householdRateTetri: Tetri,
    /** At most this many members of a household are counted. */
    memberCap: z.number().int().min(1).max(99),
    /** A retroactive amendment names the version it amends; its corrections cite it. */
    amendsVersionId: Id.nullable(),
    note: OptionalText(300),
    /**
     * Its correction lines, written in batches after the version and its rates: how many are written
     * and their sum, counted in the same transaction as each batch (a row from before there were
     * batches was written whole, hence the defaults).
     */
    correctionsState: CorrectionsState.default('issued'),
    correctionCount: z.number().int().nonnegative().default(0),
    correctionTetri: TetriDelta.default(0),
  })
  .strict()
export type SanitationTariffVersionRow = z.infer<typeof SanitationTariffVersionRow>

/** What the version's lines record, rather than what the resolution says. */
export const correctionsFields = {
  correctionsState: true,
  correctionCount: true,
  correctionTetri: true,
} as const

export function checkTariffVersionRow(
  row: Pick<SanitationTariffVersionRow, 'effectiveFrom' | 'effectiveTo'>,
  ctx: z.RefinementCtx,
): void {
  if (row.effectiveTo !== null && row.effectiveTo < row.effectiveFrom) {
    issue(ctx, 'effectiveTo', 'sanitation.tariff.endBeforeStart')
  }
}

/** One rate of a version: a social band's rate per member, or an activity category's rate per unit. */
export const SanitationTariffRateRow = z
  .object({
    tariffVersionId: Id,
    rateKind: z.enum(['socialBand', 'activity']),
    /** The band's or the category's code. */
    code: ReferenceCode,
    /** The unit an activity rate is per; null for a band (its rate is per member). */
    unit: BillingUnit.nullable(),
    rateTetri: Tetri,
    /** `<version>/<kind>/<code>/<unit>`: one rate per band, and per category and unit, in a version. */
    rateKey: z.string().max(200),
  })
  .strict()
export type SanitationTariffRateRow = z.infer<typeof SanitationTariffRateRow>

export const tariffRateKey = (
  row: Pick<SanitationTariffRateRow, 'tariffVersionId' | 'rateKind' | 'code' | 'unit'>,
) => `${row.tariffVersionId}/${row.rateKind}/${row.code}/${row.unit ?? '-'}`

export function checkTariffRateRow(row: SanitationTariffRateRow, ctx: z.RefinementCtx): void {
  if ((row.rateKind === 'activity') !== (row.unit !== null)) issue(ctx, 'unit', 'sanitation.tariff.rateUnit')
  if (row.rateKey !== tariffRateKey(row)) issue(ctx, 'rateKey', 'validation.invalid')
}

export const SanitationBillingRunRow = z
  .object({
    period: Period,
    /** Null: every territorial unit. */
    territorialUnitId: Id.nullable(),
    state: BillingRunState,
    payerCount: z.number().int().nonnegative(),
    lineCount: z.number().int().nonnegative(),
    totalTetri: TetriDelta,
    startedBy: ShortText,
    startedAt: z.iso.datetime({ offset: true }),
    finishedAt: z.iso.datetime({ offset: true }).nullable(),
    reversedBy: OptionalText(200),
    reversedAt: z.iso.datetime({ offset: true }).nullable(),
    reversalReason: OptionalText(300),
  })
  .strict()
export type SanitationBillingRunRow = z.infer<typeof SanitationBillingRunRow>

export function checkBillingRunRow(row: SanitationBillingRunRow, ctx: z.RefinementCtx): void {
  const reversed = row.state === 'reversed'
  if (reversed !== (row.reversedAt !== null)) issue(ctx, 'reversedAt', 'sanitation.billingRun.reversal')
  if (reversed && (row.reversedBy === '' || row.reversalReason === '')) {
    issue(ctx, 'reversalReason', 'sanitation.billingRun.reversalReason')
  }
  if (row.state !== 'running' && row.finishedAt === null) issue(ctx, 'finishedAt', 'validation.required')
}

export const SanitationChargeLineRow = z
  .object({
    payerId: Id,
    period: Period,
    kind: ChargeKind,
    /** Positive for a charge; a correction either sign; a reversal or an amnesty the opposite of its line. */
    amountTetri: TetriDelta,
    /** The version the amount was computed with (null for an amnesty line). */
    tariffVersionId: Id.nullable(),
    /** What the rate was for: 'household', 'band:<code>' or 'activity:<code>:<unit>'. */
    rateCode: z.string().max(100),
    rateTetri: Tetri,
    /** Counted members (after the cap), or the organisation's quantity, in hundredths. */
    quantityHundredths: z.number().int().nonnegative(),
    /** A household's registered members when billed, so an amended member cap can recount them. */
    registeredMembers: z.number().int().min(0).max(99).nullable(),
    reliefPercent: z.number().int().min(0).max(100),
    exemptionId: Id.nullable(),
    amnestyId: Id.nullable(),
    /** The resolution (and relief act) the line rests on, as printed on the notice. */
    legalBasis: ShortText,
    billingRunId: Id.nullable(),
    /** The charge a correction corrects, or the line a reversal cancels. */
    relatedLineId: Id.nullable(),
    issuedOn: IsoDate,
    /** See `chargeLineKey`: makes a second charge of a payer for a period impossible. */
    lineKey: z.string().max(200),
  })
  .strict()
export type SanitationChargeLineRow = z.infer<typeof SanitationChargeLineRow>

export function checkChargeLineRow(row: SanitationChargeLineRow, ctx: z.RefinementCtx): void {
  switch (row.kind) {
    case 'charge':
      if (row.amountTetri <= 0) issue(ctx, 'amountTetri', 'sanitation.charge.positive')
      if (row.tariffVersionId === null) issue(ctx, 'tariffVersionId', 'validation.required')
      if (row.relatedLineId !== null) issue(ctx, 'relatedLineId', 'validation.invalid')
      break
    case 'correction':
      if (row.tariffVersionId === null) issue(ctx, 'tariffVersionId', 'validation.required')
      if (row.relatedLineId === null) issue(ctx, 'relatedLineId', 'validation.required')
      break
    case 'reversal':
      if (row.relatedLineId === null) issue(ctx, 'relatedLineId', 'validation.required')
      break
    case 'amnesty':
      if (row.amnestyId === null) issue(ctx, 'amnestyId', 'validation.required')
      if (row.amountTetri >= 0) issue(ctx, 'amountTetri', 'sanitation.charge.amnestyNegative')
      break
  }
  if (!row.lineKey.startsWith(`${row.kind}/`)) issue(ctx, 'lineKey', 'validation.invalid')
}

export const SanitationPaymentRow = z
  .object({
    payerId: Id,
    channel: PaymentChannel,
    amountTetri: Tetri.refine((v) => v > 0, 'sanitation.payment.amountPositive'),
    paidOn: IsoDate,
    /** `ქვ-<year>-<six digits>` from the PC's leased block; counter payments only. */
    receiptNumber: z.string().max(40).nullable(),
    /** `<bank format>/<the bank's transaction reference>`; bank payments only. */
    bankReference: z.string().max(200).nullable(),
    bankImportLineId: Id.nullable(),
    note: OptionalText(300),
  })
  .strict()
export type SanitationPaymentRow = z.infer<typeof SanitationPaymentRow>

export function checkPaymentRow(row: SanitationPaymentRow, ctx: z.RefinementCtx): void {
  if (row.channel === 'counter' && row.receiptNumber === null)
    issue(ctx, 'receiptNumber', 'validation.required')
  if (row.channel === 'bank' && row.bankReference === null) issue(ctx, 'bankReference', 'validation.required')
}

export const SanitationBankImportRow = z
  .object({
    formatCode: ReferenceCode,
    fileName: z.string().trim().min(1).max(200),
    /** `statementFingerprint` of the file: the same file twice is seen at once. */
    fingerprint: z.string().regex(/^[0-9a-f]{16}$/, 'validation.invalidFormat'),
    state: BankImportState,
    lineCount: z.number().int().nonnegative(),
    matchedCount: z.number().int().nonnegative(),
    matchedTetri: Tetri,
    importedBy: ShortText,
    importedAt: z.iso.datetime({ offset: true }),
    confirmedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict()
export type SanitationBankImportRow = z.infer<typeof SanitationBankImportRow>

export const SanitationBankImportLineRow = z
  .object({
    importId: Id,
    rowNumber: z.number().int().min(1),
    status: BankLineStatus,
    /** Comma-separated `BankLineProblem` codes. */
    problems: z
      .string()
      .max(500)
      .refine(
        (s) => s === '' || s.split(',').every((p) => BankLineProblem.safeParse(p).success),
        'validation.invalid',
      ),
    payerCodeText: z.string().max(500),
    payerId: Id.nullable(),
    amountTetri: Tetri.nullable(),
    paidOn: IsoDate.nullable(),
    reference: z.string().max(200),
    payerName: z.string().max(300),
    /** See `bankLineKey`: the same bank transaction is never booked twice. */
    lineKey: z.string().max(300),
    paymentId: Id.nullable(),
    resolvedBy: OptionalText(200),
  })
  .strict()
export type SanitationBankImportLineRow = z.infer<typeof SanitationBankImportLineRow>

export function checkBankImportLineRow(row: SanitationBankImportLineRow, ctx: z.RefinementCtx): void {
  if (row.status === 'matched' && row.payerId === null) issue(ctx, 'payerId', 'validation.required')
  if (row.paymentId !== null && (row.amountTetri === null || row.paidOn === null)) {
    issue(ctx, 'paymentId', 'validation.invalid')
  }
}

export const SanitationInstalmentPlanRow = z
  .object({
    payerId: Id,
    totalTetri: Tetri.refine((v) => v > 0, 'sanitation.plan.totalPositive'),
    instalments: z.number().int().min(2).max(36),
    firstDueOn: IsoDate,
    state: InstalmentPlanState,
    legalActNumber: LegalActNumber,
    legalActDate: IsoDate,
    legalActKind: LegalActKind,
    agreedOn: IsoDate,
    note: OptionalText(300),
  })
  .strict()
export type SanitationInstalmentPlanRow = z.infer<typeof SanitationInstalmentPlanRow>

export function checkInstalmentPlanRow(row: SanitationInstalmentPlanRow, ctx: z.RefinementCtx): void {
  if (row.firstDueOn < row.agreedOn) issue(ctx, 'firstDueOn', 'sanitation.plan.dueBeforeAgreed')
  if (row.totalTetri < row.instalments) issue(ctx, 'totalTetri', 'sanitation.plan.tooSmall')
}

export const SanitationExemptionRow = z
  .object({
    target: ExemptionTarget,
    payerId: Id.nullable(),
    /** An activity category's or a social band's code. */
    targetCode: ReferenceCode.nullable(),
    reliefPercent: z.number().int().min(1).max(100),
    fromPeriod: Period,
    toPeriod: Period.nullable(),
    legalActNumber: LegalActNumber,
    legalActDate: IsoDate,
    legalActKind: LegalActKind,
    reason: ShortText,
  })
  .strict()
export type SanitationExemptionRow = z.infer<typeof SanitationExemptionRow>

export function checkExemptionRow(row: SanitationExemptionRow, ctx: z.RefinementCtx): void {
  if ((row.target === 'payer') !== (row.payerId !== null))
    issue(ctx, 'payerId', 'sanitation.exemption.target')
  const coded = row.target === 'activityCategory' || row.target === 'socialBand'
  if (coded !== (row.targetCode !== null)) issue(ctx, 'targetCode', 'sanitation.exemption.target')
  if (row.toPeriod !== null && row.toPeriod < row.fromPeriod)
    issue(ctx, 'toPeriod', 'sanitation.period.endBeforeStart')
}

export const SanitationAmnestyRow = z
  .object({
    fromPeriod: Period,
    toPeriod: Period,
    coverage: AmnestyCoverage,
    legalActNumber: LegalActNumber,
    legalActDate: IsoDate,
    legalActKind: LegalActKind,
    reason: ShortText,
    /** Its lines, written in batches like a tariff version's corrections (see there). */
    state: AmnestyState.default('granted'),
    lineCount: z.number().int().nonnegative().default(0),
    totalTetri: TetriDelta.default(0),
  })
  .strict()
export type SanitationAmnestyRow = z.infer<typeof SanitationAmnestyRow>

/** What the amnesty's lines record, rather than what the act says. */
export const amnestyLineFields = { state: true, lineCount: true, totalTetri: true } as const

export function checkAmnestyRow(
  row: Pick<SanitationAmnestyRow, 'fromPeriod' | 'toPeriod'>,
  ctx: z.RefinementCtx,
): void {
  if (row.toPeriod < row.fromPeriod) issue(ctx, 'toPeriod', 'sanitation.period.endBeforeStart')
}

/** An inspector's visit. What was observed never changes; only the supervisor's decision does. */
export const SanitationInspectionRow = z
  .object({
    payerId: Id,
    visitedOn: IsoDate,
    inspector: ShortText,
    observedMembers: z.number().int().min(0).max(99).nullable(),
    observedQuantity: BillingQuantity.nullable(),
    note: OptionalText(500),
    approval: ApprovalState,
    decidedBy: OptionalText(200),
    decidedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict()
export type SanitationInspectionRow = z.infer<typeof SanitationInspectionRow>

export function checkInspectionRow(row: SanitationInspectionRow, ctx: z.RefinementCtx): void {
  if ((row.observedMembers === null) === (row.observedQuantity === null)) {
    issue(ctx, 'observedMembers', 'sanitation.inspection.oneObservation')
  }
  if ((row.approval === 'pending') !== (row.decidedAt === null))
    issue(ctx, 'decidedAt', 'sanitation.inspection.decision')
}
