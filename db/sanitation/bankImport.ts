import { v7 as uuidv7 } from 'uuid'
import { DomainError } from '../../domain/errors'
import type { BankFileFormat } from '../../domain/sanitation/bankFileFormat'
import {
  readStatementTable,
  type StatementLine,
  type StatementTable,
} from '../../domain/sanitation/bankStatement'
import {
  type MatchSummary,
  matchStatement,
  type PayerRef,
  payerDirectory,
} from '../../domain/sanitation/paymentMatching'
import type { BankLineProblem } from '../../domain/sanitation/vocabulary'
import type { Db } from '../database'
import type { Actor, Change, WritePath } from '../writePath'
import { sanitationSettings } from './rules'

// A bank statement import: the dry run reads, checks and matches every row and writes nothing; the
// confirmation does the same again and writes the import, each of its rows (the clerk's queue keeps
// the unmatched and the ambiguous) and a payment for each matched row, in one transaction. A file
// confirmed before is refused whole; a row imported before (in another file) is a duplicate.

export interface BankFile {
  fileName: string
  /** The file's cells (`bankFileTable` reads them from a CSV or an xlsx file). */
  table: StatementTable
  format: BankFileFormat
}

export type ReportLine = StatementLine & MatchSummary['lines'][number]

export interface BankImportReport {
  fingerprint: string
  /** A confirmed import of the same file exists: confirming again is refused. */
  alreadyImported: boolean
  lines: ReportLine[]
  counts: MatchSummary['counts']
  matchedTetri: number
  /** The sum of every readable amount of the file. */
  totalTetri: number
}

const fileError = (key: string, message: string) =>
  new DomainError('VALIDATION', message, { file: `sanitation.bankImport.${key}` })

function payerRefs(db: Db): PayerRef[] {
  const client = db.$client
  const lastPeriod = client
    .prepare("SELECT max(period) FROM sanitation_charge_line WHERE deleted_at IS NULL AND kind = 'charge'")
    .pluck()
    .get() as string | null
  return client
    .prepare(
      `SELECT p.id, p.payment_code AS paymentCode, coalesce(p.personal_number, p.company_code, '') AS idNumber,
         p.status, p.closed_on AS closedOn, coalesce(a.balance_tetri, 0) AS balanceTetri,
         coalesce(c.amount, 0) AS monthlyTetri
       FROM sanitation_payer p
       LEFT JOIN sanitation_payer_account a ON a.payer_id = p.id
       LEFT JOIN (SELECT payer_id, sum(amount_tetri) AS amount FROM sanitation_charge_line
                  WHERE deleted_at IS NULL AND period = ? GROUP BY payer_id) c ON c.payer_id = p.id
       WHERE p.deleted_at IS NULL`,
    )
    .all(lastPeriod ?? '') as PayerRef[]
}

function importedKeys(db: Db, keys: readonly string[]): Set<string> {
  const found = db.$client
    .prepare(
      `SELECT line_key FROM sanitation_bank_import_line
       WHERE deleted_at IS NULL AND status NOT IN ('duplicate', 'invalid')
         AND line_key IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(JSON.stringify(keys)) as string[]
  return new Set(found)
}

function confirmedImportOf(db: Db, fingerprint: string): string | undefined {
  return db.$client
    .prepare(
      "SELECT id FROM sanitation_bank_import WHERE fingerprint = ? AND state = 'confirmed' AND deleted_at IS NULL",
    )
    .pluck()
    .get(fingerprint) as string | undefined
}

/** Reads, checks and matches the file; nothing is written. File-level faults are coded errors. */
export function dryRunBankImport(db: Db, file: BankFile, today: string): BankImportReport {
  const settings = sanitationSettings()
  const options = { today, absurdPaymentTetri: settings.absurdPaymentTetri }
  const first = readStatementTable(file.table, file.format, options)
  if (!first.ok) {
    if (first.problem === 'missingColumn') {
      throw new DomainError('VALIDATION', `Missing columns: ${first.columns.join(', ')}`, {
        file: 'sanitation.bankImport.missingColumn',
      })
    }
    throw fileError(first.problem, `The file cannot be read (${first.problem})`)
  }
  const seen = importedKeys(
    db,
    first.lines.map((l) => l.lineKey),
  )
  const statement =
    seen.size > 0 ? readStatementTable(file.table, file.format, { ...options, importedKeys: seen }) : first
  if (!statement.ok) throw fileError('unreadable', 'The file cannot be read')
  const summary = matchStatement(statement.lines, payerDirectory(payerRefs(db)))
  let totalTetri = 0
  for (const l of summary.lines) totalTetri += l.amountTetri ?? 0
  return {
    fingerprint: statement.fingerprint,
    alreadyImported: confirmedImportOf(db, statement.fingerprint) !== undefined,
    lines: summary.lines,
    counts: summary.counts,
    matchedTetri: summary.matchedTetri,
    totalTetri,
  }
}

/** The dry run again, then the import written as a whole. The same file twice is refused. */
export function confirmBankImport(
  db: Db,
  write: WritePath,
  actor: Actor,
  file: BankFile,
  now: { today: string; at: Date },
): BankImportReport & { importId: string } {
  // Reading and writing happen in one synchronous call: nothing else can write in between. (An outer
  // transaction around the write path made every insert a savepoint's, ten times slower.)
  const report = dryRunBankImport(db, file, now.today)
  if (report.alreadyImported) {
    throw new DomainError('DUPLICATE', 'This file was imported before', {
      file: 'sanitation.bankImport.alreadyImported',
    })
  }
  const importId = uuidv7()
  const atIso = now.at.toISOString()
  const changes: Change[] = [
    {
      op: 'insert',
      entity: 'sanitationBankImport',
      id: importId,
      values: {
        formatCode: file.format.code,
        fileName: file.fileName.slice(0, 200),
        fingerprint: report.fingerprint,
        state: 'confirmed',
        lineCount: report.lines.length,
        matchedCount: report.counts.matched,
        matchedTetri: report.matchedTetri,
        importedBy: actor.userName,
        importedAt: atIso,
        confirmedAt: atIso,
      },
    },
  ]
  for (const line of report.lines) {
    const lineId = uuidv7()
    const paymentId = line.status === 'matched' ? uuidv7() : null
    changes.push({
      op: 'insert',
      entity: 'sanitationBankImportLine',
      id: lineId,
      subjectId: importId,
      values: {
        importId,
        rowNumber: line.rowNumber,
        status: line.status,
        problems: line.problems.join(','),
        payerCodeText: line.payerCodeText.slice(0, 500),
        payerId: line.payerId,
        amountTetri: line.amountTetri,
        paidOn: line.paidOn,
        reference: line.reference.slice(0, 200),
        payerName: line.payerName.slice(0, 300),
        lineKey: line.lineKey,
        paymentId,
        resolvedBy: '',
      },
    })
    if (paymentId !== null && line.payerId !== null) {
      changes.push(bankPayment(paymentId, line.payerId, line, lineId))
    }
  }
  write(actor, changes)
  return { ...report, importId }
}

function bankPayment(
  id: string,
  payerId: string,
  line: { amountTetri: number | null; paidOn: string | null; lineKey: string },
  lineId: string,
): Change {
  return {
    op: 'insert',
    entity: 'sanitationPayment',
    id,
    subjectId: payerId,
    values: {
      payerId,
      channel: 'bank',
      amountTetri: line.amountTetri,
      paidOn: line.paidOn,
      receiptNumber: null,
      bankReference: line.lineKey,
      bankImportLineId: lineId,
      note: '',
    },
  }
}

interface QueueLine {
  id: string
  version: number
  status: string
  amountTetri: number | null
  paidOn: string | null
  lineKey: string
  paymentId: string | null
}

/** A clerk settles a row of the queue (unmatched or ambiguous) by naming its payer: the payment is booked. */
export function resolveBankLine(
  db: Db,
  write: WritePath,
  actor: Actor,
  request: { lineId: string; payerId: string },
): { paymentId: string } {
  const line = db.$client
    .prepare(
      `SELECT id, version, status, amount_tetri AS amountTetri, paid_on AS paidOn, line_key AS lineKey,
         payment_id AS paymentId
       FROM sanitation_bank_import_line WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(request.lineId) as QueueLine | undefined
  if (!line) throw new DomainError('NOT_FOUND', 'No such bank row')
  if ((line.status !== 'unmatched' && line.status !== 'ambiguous') || line.paymentId !== null) {
    throw new DomainError('VALIDATION', 'The row is not waiting for a payer', {
      lineId: 'sanitation.bankImport.notInQueue',
    })
  }
  const payer = db.$client
    .prepare('SELECT id FROM sanitation_payer WHERE id = ? AND deleted_at IS NULL')
    .get(request.payerId)
  if (!payer) throw new DomainError('NOT_FOUND', 'No such payer')
  const paymentId = uuidv7()
  write(actor, [
    bankPayment(paymentId, request.payerId, line, line.id),
    {
      op: 'update',
      entity: 'sanitationBankImportLine',
      id: line.id,
      expectedVersion: line.version,
      values: { status: 'matched', payerId: request.payerId, paymentId, resolvedBy: actor.userName },
    },
  ])
  return { paymentId }
}

/** The clerk's queue: rows of confirmed imports left unmatched or ambiguous, oldest import first. */
export function bankQueue(db: Db, limit = 1_000) {
  const rows = db.$client
    .prepare(
      `SELECT l.id, l.import_id AS importId, i.file_name AS fileName, l.row_number AS rowNumber, l.status,
         l.problems, l.payer_code_text AS payerCodeText, l.payer_id AS payerId, l.amount_tetri AS amountTetri,
         l.paid_on AS paidOn, l.reference, l.payer_name AS payerName
       FROM sanitation_bank_import_line l JOIN sanitation_bank_import i ON i.id = l.import_id
       WHERE l.deleted_at IS NULL AND l.payment_id IS NULL AND l.status IN ('unmatched', 'ambiguous')
       ORDER BY i.imported_at, l.import_id, l.row_number LIMIT ?`,
    )
    .all(limit) as (Omit<ReportLine, 'problems' | 'lineKey'> & {
    id: string
    importId: string
    fileName: string
    problems: string
  })[]
  return rows.map((r) => ({
    ...r,
    problems: (r.problems === '' ? [] : r.problems.split(',')) as BankLineProblem[],
  }))
}
