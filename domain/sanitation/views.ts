import { z } from 'zod'
import { HistoryEntry } from '../history'
import { Id } from '../text'
import { BankFileFormat } from './bankFileFormat'
import {
  SanitationBillingRunRow,
  SanitationChargeLineRow,
  SanitationExemptionRow,
  SanitationInspectionRow,
  SanitationInstalmentPlanRow,
  SanitationPayerRow,
  SanitationPaymentRow,
} from './rows'
import { BankLineProblem, BankLineStatus, PayerKind, PayerStatus } from './vocabulary'

// What the sanitation registry's calls answer (domain/sanitation/contract.ts). Money: whole tetri.

const Int = z.number().int()

export const PayerListRow = z
  .object({
    id: Id,
    paymentCode: z.string(),
    name: z.string(),
    kind: PayerKind,
    status: PayerStatus,
    territorialUnitId: z.string(),
    address: z.string(),
    balanceTetri: Int,
    arrearsTetri: Int,
  })
  .strict()
export type PayerListRow = z.infer<typeof PayerListRow>

export const PayerSortField = z.enum(['arrears', 'balance', 'name', 'paymentCode'])
export type PayerSortField = z.infer<typeof PayerSortField>

export const PayerListQuery = z
  .object({
    search: z.string().max(100, 'validation.tooLong').default(''),
    territorialUnitId: Id.nullable().default(null),
    kind: PayerKind.nullable().default(null),
    sort: PayerSortField.default('arrears'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().nonnegative().max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()
export type PayerListQuery = z.input<typeof PayerListQuery>

export const PayerListPage = z.object({ total: Int, rows: z.array(PayerListRow) }).strict()
export type PayerListPage = z.infer<typeof PayerListPage>

const stored = { id: Id, version: Int }

export const ArrearsAgeing = z
  .object({ d0to30: Int, d31to90: Int, d91to180: Int, d181to365: Int, over365: Int })
  .strict()

export const PeriodAccountView = z
  .object({
    period: z.string(),
    chargedTetri: Int,
    settledTetri: Int,
    openTetri: Int,
    dueOn: z.string(),
    daysOverdue: Int,
  })
  .strict()

export const PayerAccountView = z
  .object({
    payer: SanitationPayerRow.extend(stored),
    asOf: z.string(),
    chargedTetri: Int,
    paidTetri: Int,
    balanceTetri: Int,
    arrearsTetri: Int,
    ageing: ArrearsAgeing,
    notDueTetri: Int,
    creditTetri: Int,
    periods: z.array(PeriodAccountView),
    charges: z.array(SanitationChargeLineRow.extend(stored)),
    payments: z.array(SanitationPaymentRow.extend(stored)),
    plans: z.array(SanitationInstalmentPlanRow.extend(stored)),
    exemptions: z.array(SanitationExemptionRow.extend(stored)),
    inspections: z.array(SanitationInspectionRow.extend(stored)),
    history: z.array(HistoryEntry),
  })
  .strict()
export type PayerAccountView = z.infer<typeof PayerAccountView>

const Skipped = z.record(z.string(), Int)

export const BillingPreviewView = z
  .object({
    period: z.string(),
    payerCount: Int,
    newLines: Int,
    newTetri: Int,
    skipped: Skipped,
    chargedPayers: Int,
    totalTetri: Int,
    previous: z.object({ period: z.string(), chargedPayers: Int, totalTetri: Int }).strict(),
    newlyCharged: Int,
    noLongerCharged: Int,
    changedAmount: Int,
    largestChanges: z.array(z.object({ payerId: Id, previousTetri: Int, currentTetri: Int }).strict()),
  })
  .strict()

export const BillingRunView = SanitationBillingRunRow.extend(stored)

export const BillingRunProgress = z
  .object({
    billingRunId: Id,
    state: z.enum(['running', 'completed', 'cancelled', 'reversed']),
    doneLines: Int,
    totalLines: Int,
    doneTetri: Int,
  })
  .strict()
export type BillingRunProgress = z.infer<typeof BillingRunProgress>

export const BillingRunStarted = z
  .object({ billingRunId: Id.nullable(), totalLines: Int, payerCount: Int })
  .strict()

/** A bank file as the clerk picked it; the format by its code, or a column mapping of its own. */
export const BankFileInput = z
  .object({
    fileName: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    /** The file's bytes, base64 (at most ~20 MB). */
    contentBase64: z.string().min(1, 'validation.required').max(28_000_000, 'validation.tooBig'),
    /** A format of the reference data (domain/sanitation/referenceContract.ts) that is in use ... */
    formatCode: z.string().max(40).nullable().default(null),
    /** ... or a mapping of this file's own (a retired format's code is refused). */
    format: BankFileFormat.nullable().default(null),
  })
  .strict()
  .refine((f) => (f.formatCode === null) !== (f.format === null), {
    path: ['formatCode'],
    message: 'sanitation.bankImport.formatRequired',
  })
export type BankFileInput = z.input<typeof BankFileInput>

export const BankReportLine = z
  .object({
    rowNumber: Int,
    status: BankLineStatus,
    problems: z.array(BankLineProblem),
    payerCodeText: z.string(),
    payerId: Id.nullable(),
    amountTetri: Int.nullable(),
    paidOn: z.string().nullable(),
    reference: z.string(),
    payerName: z.string(),
  })
  .strict()

export const BankImportReportView = z
  .object({
    importId: Id.nullable(),
    fingerprint: z.string(),
    alreadyImported: z.boolean(),
    counts: z.record(BankLineStatus, Int),
    matchedTetri: Int,
    totalTetri: Int,
    lines: z.array(BankReportLine),
  })
  .strict()
export type BankImportReportView = z.infer<typeof BankImportReportView>

export const BankQueueLine = BankReportLine.extend({ id: Id, importId: Id, fileName: z.string() })

export const CollectionReport = z
  .object({
    /** By month: what was charged (net of every line) and what was paid. */
    months: z.array(z.object({ period: z.string(), chargedTetri: Int, paidTetri: Int }).strict()),
    chargedTetri: Int,
    paidTetri: Int,
  })
  .strict()
export type CollectionReport = z.infer<typeof CollectionReport>
