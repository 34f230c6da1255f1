import { z } from 'zod'
import { inDepartment } from '../auth/access'
import { defineCalls } from '../contract'
import { Id } from '../text'
import { BankFileFormat } from './bankFileFormat'
import {
  PaymentNoticeBatch,
  PaymentNoticeBatchQuery,
  PaymentNoticeQuery,
  PaymentNoticeView,
  ReceiptView,
} from './documentViews'
import { sanitationEditCalls } from './editContract'
import { Period } from './period'
import { sanitationReferenceCalls } from './referenceContract'
import {
  ArrearsAgeingReport,
  PeriodRange,
  TopDebtorsQuery,
  TopDebtorsReport,
  UnitCollectionReport,
} from './reportViews'
import { BillingRunRequest, BillingRunReversal, CounterPaymentFields } from './schemas'
import {
  BankFileInput,
  BankImportReportView,
  BankQueueLine,
  BillingPreviewView,
  BillingRunProgress,
  BillingRunStarted,
  BillingRunView,
  CollectionReport,
  PayerAccountView,
  PayerListPage,
  PayerListQuery,
} from './views'

// The sanitation registry's calls. A clerk reads and writes (payments, bank imports, the queue); a
// head also approves billing runs and their reversal and sees reports; an auditor reads and sees
// reports (domain/auth/roles.ts).

const byId = z.object({ id: Id }).strict()
const byRun = z.object({ billingRunId: Id }).strict()
const read = inDepartment('sanitation', 'read')
const write = inDepartment('sanitation', 'write')
const approve = inDepartment('sanitation', 'approve')
const report = inDepartment('sanitation', 'report')

export const sanitationCalls = defineCalls({
  listPayers: { input: PayerListQuery, output: PayerListPage, access: read },
  /** The payer card: the record and the account (charges, payments, balance, arrears by age, plans, exemptions, history). */
  payerAccount: { input: byId, output: PayerAccountView, access: read },
  previewBilling: { input: BillingRunRequest, output: BillingPreviewView, access: read },
  /** Starts the run and answers at once; its progress is asked with `billingRunProgress`. */
  startBillingRun: { input: BillingRunRequest, output: BillingRunStarted, access: approve },
  billingRunProgress: { input: byRun, output: BillingRunProgress, access: read },
  /** Stops a running run between two batches; what it wrote stays, and a new run finishes it. */
  cancelBillingRun: { input: byRun, output: BillingRunProgress, access: approve },
  reverseBillingRun: {
    input: BillingRunReversal,
    output: z.object({ lineCount: z.number().int(), totalTetri: z.number().int() }).strict(),
    access: approve,
  },
  billingRuns: {
    input: z.object({ period: Period.nullable().default(null) }).strict(),
    output: z.array(BillingRunView),
    access: read,
  },
  recordCounterPayment: {
    input: CounterPaymentFields,
    output: z.object({ id: Id, receiptNumber: z.string() }).strict(),
    access: write,
  },
  /** Reads and matches a bank file row by row; nothing is written. */
  dryRunBankImport: { input: BankFileInput, output: BankImportReportView, access: write },
  /** The dry run again, then the import written whole; the same file twice is refused. */
  confirmBankImport: { input: BankFileInput, output: BankImportReportView, access: write },
  bankQueue: { input: z.object({}).strict(), output: z.array(BankQueueLine), access: read },
  resolveBankLine: {
    input: z.object({ lineId: Id, payerId: Id }).strict(),
    output: z.object({ paymentId: Id }).strict(),
    access: write,
  },
  collectionReport: {
    input: z.object({ fromPeriod: Period, toPeriod: Period }).strict(),
    output: CollectionReport,
    access: report,
  },
  // Printed documents (the clerk's counter): a payment's receipt, a period's notices.
  receipt: { input: z.object({ paymentId: Id }).strict(), output: ReceiptView, access: read },
  paymentNotice: { input: PaymentNoticeQuery, output: PaymentNoticeView, access: read },
  /** Every notice of a territorial unit for a period, one A4 page each. */
  paymentNotices: { input: PaymentNoticeBatchQuery, output: PaymentNoticeBatch, access: read },

  // The head's screens: bank formats to choose from, and the reports beside `collectionReport`.
  /** The bank statement formats in use (reference data a head edits), with their column mapping. */
  bankFileFormats: { input: z.object({}).strict(), output: z.array(BankFileFormat), access: read },
  unitCollectionReport: { input: PeriodRange, output: UnitCollectionReport, access: report },
  /** As of today, by the account's rule (oldest periods settled first). */
  arrearsAgeingReport: { input: z.object({}).strict(), output: ArrearsAgeingReport, access: report },
  topDebtors: { input: TopDebtorsQuery, output: TopDebtorsReport, access: report },
  // Creating and changing records: payers, tariffs, relief, inspections.
  ...sanitationEditCalls,
  // Reference data: categories, bands and bank formats (domain/sanitation/referenceContract.ts).
  ...sanitationReferenceCalls,
})
