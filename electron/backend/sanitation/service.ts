import type { Db } from '../../../db/database'
import { ensureDevice } from '../../../db/device'
import { bankFileTable } from '../../../db/sanitation/bankFileTable'
import {
  type BankFile,
  type BankImportReport,
  bankQueue,
  confirmBankImport,
  dryRunBankImport,
  resolveBankLine,
} from '../../../db/sanitation/bankImport'
import {
  billingRunRow,
  billingRuns,
  checkBillingScope,
  previewBilling,
  reverseBillingRun,
  runBilling,
} from '../../../db/sanitation/billingRun'
import { recordCounterPayment } from '../../../db/sanitation/counterPayment'
import { listPayers } from '../../../db/sanitation/listPayers'
import { payerCard } from '../../../db/sanitation/payerCard'
import { paymentNotices } from '../../../db/sanitation/paymentNotices'
import { receiptOf } from '../../../db/sanitation/receipt'
import { bankFormatByCode, bankFormats } from '../../../db/sanitation/referenceData'
import {
  arrearsAgeingReport,
  collectionReport,
  topDebtors,
  unitCollectionReport,
} from '../../../db/sanitation/reports'
import type { Actor, WritePath } from '../../../db/writePath'
import { DomainError } from '../../../domain/errors'
import { isoDateInTbilisi } from '../../../domain/georgian/dates'
import type { BankFileFormat } from '../../../domain/sanitation/bankFileFormat'
import type { sanitationCalls } from '../../../domain/sanitation/contract'
import type { BankImportReportView, BillingRunProgress } from '../../../domain/sanitation/views'
import type { CallScope, Handlers } from '../dispatch'
import { numberYear } from '../sync/numbers'
import { sanitationEditService } from './editService'
import { busyWriting, lineWritingJobs } from './lineWritingJobs'
import { sanitationReferenceService } from './referenceService'

export interface SanitationServiceDeps {
  db: Db
  write: WritePath
  now: () => Date
}

const actorOf = (scope: CallScope): Actor => {
  if (!scope.principal) throw new DomainError('UNAUTHENTICATED', 'Sign in first')
  return { userId: scope.principal.userId, userName: scope.principal.userName }
}

interface Job extends BillingRunProgress {
  cancel: boolean
}

/** The sanitation registry's calls: each checks what only the store knows, then asks the write path. */
export function sanitationService(
  deps: SanitationServiceDeps,
): Handlers<{ sanitation: typeof sanitationCalls }>['sanitation'] {
  const { db, write, now } = deps
  const today = () => isoDateInTbilisi(now().getTime())
  /** Billing runs started since the backend started, for their progress and cancel. */
  const jobs = new Map<string, Job>()
  /** Amnesties' and tariff versions' lines being written (one long write at a time, a run included). */
  const lineJobs = lineWritingJobs()
  const billingRunning = () => [...jobs.values()].some((j) => j.state === 'running')

  /**
   * The file with its format: one of the reference data's, as it is now, or a mapping of this file's
   * own. A retired format is not offered for a new import, under its own mapping or another.
   */
  const fileOf = async (input: {
    fileName: string
    contentBase64: string
    formatCode: string | null
    format: BankFileFormat | null
  }): Promise<BankFile> => {
    const code = input.format?.code ?? input.formatCode ?? ''
    const stored = bankFormatByCode(db, code)
    const format = input.format ?? stored
    if (!format) {
      throw new DomainError('VALIDATION', 'Unknown bank file format', {
        formatCode: 'sanitation.bankImport.unknownFormat',
      })
    }
    if (stored && stored.retiredOn !== null) {
      throw new DomainError('VALIDATION', 'The bank file format is retired', {
        formatCode: 'sanitation.bankImport.retiredFormat',
      })
    }
    const table = await bankFileTable(Buffer.from(input.contentBase64, 'base64'), format)
    return { fileName: input.fileName, table, format }
  }
  const view = (report: BankImportReport, importId: string | null): BankImportReportView => ({
    importId,
    fingerprint: report.fingerprint,
    alreadyImported: report.alreadyImported,
    counts: report.counts,
    matchedTetri: report.matchedTetri,
    totalTetri: report.totalTetri,
    lines: report.lines.map((l) => ({
      rowNumber: l.rowNumber,
      status: l.status,
      problems: l.problems,
      payerCodeText: l.payerCodeText,
      payerId: l.payerId,
      amountTetri: l.amountTetri,
      paidOn: l.paidOn,
      reference: l.reference,
      payerName: l.payerName,
    })),
  })
  const progressOf = (billingRunId: string): BillingRunProgress => {
    const job = jobs.get(billingRunId)
    if (job) {
      const { cancel: _cancel, ...progress } = job
      return progress
    }
    const run = billingRuns(db, null).find((r) => r.id === billingRunId)
    if (!run) throw new DomainError('NOT_FOUND', 'No such billing run')
    return {
      billingRunId,
      state: run.state,
      doneLines: run.lineCount,
      totalLines: run.lineCount,
      doneTetri: run.totalTetri,
    }
  }

  return {
    listPayers: (query) => listPayers(db, query, today()),

    payerAccount({ id }) {
      const card = payerCard(db, id, today())
      if (!card) throw new DomainError('NOT_FOUND', 'No such payer')
      return card
    },

    previewBilling(request) {
      checkBillingScope(db, request)
      return previewBilling(db, request, today())
    },

    startBillingRun(request, scope) {
      const actor = actorOf(scope)
      checkBillingScope(db, request)
      if (lineJobs.running()) throw busyWriting('period')
      if (billingRunning()) {
        throw new DomainError('VALIDATION', 'A billing run is in progress', {
          period: 'sanitation.billingRun.inProgress',
        })
      }
      return new Promise((resolve, reject) => {
        let started = false
        let job: Job | null = null
        runBilling(db, write, actor, request, now, {
          onStart(billingRunId, totalLines, payerCount) {
            job = { billingRunId, state: 'running', doneLines: 0, totalLines, doneTetri: 0, cancel: false }
            jobs.set(billingRunId, job)
            started = true
            resolve({ billingRunId, totalLines, payerCount })
          },
          onProgress(p) {
            if (job) Object.assign(job, { doneLines: p.doneLines, doneTetri: p.doneTetri })
          },
          cancelled: () => job?.cancel ?? false,
        })
          .then((result) => {
            if (job && result.state !== 'nothingToDo') job.state = result.state
            if (!started) resolve({ billingRunId: null, totalLines: 0, payerCount: result.payerCount })
          })
          .catch((error: unknown) => {
            if (job) job.state = 'cancelled'
            if (!started) reject(error)
            else console.error('The billing run stopped:', error)
          })
      })
    },

    billingRunProgress: ({ billingRunId }) => progressOf(billingRunId),

    cancelBillingRun({ billingRunId }) {
      const job = jobs.get(billingRunId)
      if (!job && !billingRunRow(db, billingRunId)) throw new DomainError('NOT_FOUND', 'No such billing run')
      if (job && job.state === 'running') job.cancel = true
      return progressOf(billingRunId)
    },

    async reverseBillingRun(request, scope) {
      const result = await reverseBillingRun(db, write, actorOf(scope), request, now)
      const job = jobs.get(request.billingRunId)
      if (job) job.state = 'reversed'
      return result
    },

    billingRuns: ({ period }) => billingRuns(db, period),

    recordCounterPayment(fields, scope) {
      const at = now()
      // The receipt's year is the year by the server's clock, as the server leased the block.
      const serverNow = new Date(at.getTime() + ensureDevice(db).clockOffsetMs)
      return recordCounterPayment(db, write, actorOf(scope), fields, {
        year: numberYear(serverNow),
        today: today(),
        now: serverNow,
      })
    },

    dryRunBankImport: async (input) => view(dryRunBankImport(db, await fileOf(input), today()), null),

    async confirmBankImport(input, scope) {
      const actor = actorOf(scope)
      const file = await fileOf(input)
      const done = confirmBankImport(db, write, actor, file, { today: today(), at: now() })
      return view(done, done.importId)
    },

    bankQueue: () => bankQueue(db),

    resolveBankLine: (request, scope) => resolveBankLine(db, write, actorOf(scope), request),

    collectionReport: (range) => collectionReport(db, range),

    receipt({ paymentId }) {
      const receipt = receiptOf(db, paymentId, today())
      if (!receipt) throw new DomainError('NOT_FOUND', 'No such counter payment')
      return receipt
    },

    paymentNotice({ payerId, period }) {
      const [notice] = paymentNotices(db, { payerId }, period, today())
      if (!notice) {
        throw new DomainError('NOT_FOUND', 'Nothing was charged to this payer for the period', {
          period: 'sanitation.notice.nothingCharged',
        })
      }
      return notice
    },

    paymentNotices: ({ territorialUnitId, period }) => ({
      notices: paymentNotices(db, { territorialUnitId }, period, today()),
    }),
    // In the order a Georgian reader looks for them: by the Georgian name.
    bankFileFormats: () =>
      bankFormats(db)
        .filter((f) => f.retiredOn === null)
        .sort((a, b) => a.nameKa.localeCompare(b.nameKa, 'ka'))
        .map(({ id: _id, version: _version, retiredOn: _retired, ...format }) => format),
    unitCollectionReport: (range) => unitCollectionReport(db, range),
    arrearsAgeingReport: () => arrearsAgeingReport(db, today()),
    topDebtors: (query) => topDebtors(db, query, today()),
    // Creating and changing records: payers, tariffs, relief, inspections.
    ...sanitationEditService({ db, write, now, jobs: lineJobs, billingRunning }),
    // Reference data: categories, bands and bank formats.
    ...sanitationReferenceService({ db, write, now }),
  }
}
