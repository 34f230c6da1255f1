import { parseDate } from '../georgian/dates'
import { parseGel } from '../georgian/money'
import type { BankFileFormat, ColumnRef } from './bankFileFormat'
import { type CsvRecord, parseCsv } from './csv'
import { fingerprint, statementFingerprint } from './fingerprint'
import type { BankLineProblem } from './vocabulary'

// Reading a bank statement (already decoded to text) into typed lines, each with its problems, so
// the import's dry run can show the clerk every row before anything is written.

export interface StatementLine {
  /** The line of the file the row starts on. */
  rowNumber: number
  payerCodeText: string
  amountTetri: number | null
  paidOn: string | null
  reference: string
  payerName: string
  /** The same bank transaction always gets the same key (see `readStatement`). */
  lineKey: string
  problems: BankLineProblem[]
}

export type StatementFileProblem =
  | { problem: 'unreadable'; line: number }
  | { problem: 'missingColumn'; columns: string[] }
  | { problem: 'empty' }

/**
 * A statement's cells as its file holds them (a CSV's records, a workbook's first sheet), with the
 * fingerprint that tells the file apart: both kinds are read into lines by the same rules.
 */
export interface StatementTable {
  records: CsvRecord[]
  fingerprint: string
}

export type StatementResult =
  | { ok: true; fingerprint: string; lines: StatementLine[] }
  | ({ ok: false } & StatementFileProblem)

export interface StatementOptions {
  /** Payments dated after this day are refused. */
  today: string
  absurdPaymentTetri: number
  /** Line keys of rows imported before: those rows are duplicates. */
  importedKeys?: ReadonlySet<string>
}

const TIME_SUFFIX = /\s+\d{1,2}:\d{2}(?::\d{2})?$/

function readDate(text: string, format: BankFileFormat['dateFormat']): string | null {
  const s = text.trim().replace(TIME_SUFFIX, '')
  const iso = format === 'yyyy-MM-dd' ? s : /^\d{1,2}[./]\d{1,2}[./]\d{4}$/.test(s) ? s : ''
  return iso === '' ? null : parseDate(iso)
}

function readAmount(text: string, unit: BankFileFormat['amountUnit']): number | null {
  const s = text.trim()
  if (unit === 'tetri') {
    if (!/^-?\d{1,15}$/.test(s)) return null
    return Number(s)
  }
  return parseGel(s)
}

/** Column name -> index in a row, or the names the header lacks. */
function locate(format: BankFileFormat, header: string[] | null): Record<string, number | null> | string[] {
  const normal = (s: string) => s.trim().toLowerCase()
  const missing: string[] = []
  const out: Record<string, number | null> = {}
  for (const [name, ref] of Object.entries(format.columns) as [string, ColumnRef | null][]) {
    if (ref === null) {
      out[name] = null
    } else if (typeof ref === 'number') {
      out[name] = ref - 1
    } else {
      const index = header?.findIndex((h) => normal(h) === normal(ref)) ?? -1
      if (index < 0) missing.push(ref)
      out[name] = index
    }
  }
  return missing.length > 0 ? missing : out
}

/**
 * Line keys: a row with a bank reference is `<format>/ref/<reference>`; a row without one is
 * `<format>/row/<fingerprint of its date, code, amount and name>/<n>`, n counting identical rows.
 * Re-reading the same file gives the same keys.
 */
export function readStatement(
  text: string,
  format: BankFileFormat,
  options: StatementOptions,
): StatementResult {
  const table = csvStatementTable(text, format)
  return 'problem' in table ? { ok: false, ...table } : readStatementTable(table, format, options)
}

/** A CSV statement's records, or the line where its quoting breaks. */
export function csvStatementTable(
  text: string,
  format: BankFileFormat,
): StatementTable | { problem: 'unreadable'; line: number } {
  const parsed = parseCsv(text, format.delimiter)
  if (!parsed.ok) return { problem: 'unreadable', line: parsed.line }
  return { records: parsed.records, fingerprint: statementFingerprint(text) }
}

/** The lines of a statement already split into cells, each with its problems. */
export function readStatementTable(
  table: StatementTable,
  format: BankFileFormat,
  options: StatementOptions,
): StatementResult {
  const records = table.records.slice(format.skipLines)
  const header = format.hasHeader ? (records.shift()?.fields ?? null) : null
  if (records.length === 0) return { ok: false, problem: 'empty' }
  const columns = locate(format, header)
  if (Array.isArray(columns)) return { ok: false, problem: 'missingColumn', columns }

  const seen = new Map<string, number>()
  const lines: StatementLine[] = []
  for (const record of records) {
    const problems: BankLineProblem[] = []
    const cell = (name: string): string => {
      const index = columns[name]
      if (index === null || index === undefined) return ''
      const value = record.fields[index]
      if (value === undefined) {
        if (!problems.includes('missingColumn')) problems.push('missingColumn')
        return ''
      }
      return value.trim()
    }
    const payerCodeText = cell('payerCode')
    const amountText = cell('amount')
    const dateText = cell('date')
    const reference = cell('reference')
    const payerName = cell('payerName')

    const amount = amountText === '' ? null : readAmount(amountText, format.amountUnit)
    let amountTetri: number | null = null
    if (amount === null || amount === 0) problems.push('badAmount')
    else if (amount < 0) problems.push('negativeAmount')
    else if (amount > options.absurdPaymentTetri) problems.push('absurdAmount')
    else amountTetri = amount

    let paidOn = dateText === '' ? null : readDate(dateText, format.dateFormat)
    if (paidOn === null) problems.push('badDate')
    else if (paidOn > options.today) {
      problems.push('futureDate')
      paidOn = null
    }
    if (payerCodeText === '') problems.push('emptyPayerCode')

    const identity =
      reference !== ''
        ? `${format.code}/ref/${reference}`
        : `${format.code}/row/${fingerprint([dateText, payerCodeText, amountText, payerName].join('\u0001'))}`
    const n = seen.get(identity) ?? 0
    seen.set(identity, n + 1)
    const lineKey = reference !== '' ? identity : `${identity}/${n}`
    if (n > 0) problems.push('duplicateRow')
    else if (options.importedKeys?.has(lineKey)) problems.push('alreadyImported')

    lines.push({
      rowNumber: record.line,
      payerCodeText,
      amountTetri,
      paidOn,
      reference,
      payerName,
      lineKey,
      problems,
    })
  }
  return { ok: true, fingerprint: table.fingerprint, lines }
}
