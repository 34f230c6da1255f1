import type { BankFileFormat } from './bankFileFormat'
import { readStatement, type StatementLine } from './bankStatement'
import { parseCsv } from './csv'

// A head trying a format's column mapping on a sample statement: the first rows read with the
// mapping, each with its problems, and the file's own columns, so the head sees what to map.

export const PREVIEW_ROWS = 5

export type PreviewFileProblem =
  | { problem: 'encoding' }
  | { problem: 'unreadable'; line: number }
  | { problem: 'missingColumn'; columns: string[] }
  | { problem: 'empty' }

export interface BankFormatPreview {
  /** The header row's cells (after the skipped lines), or null when the format has no header. */
  header: string[] | null
  /** The first data rows as the file has them, cell by cell (the columns by position). */
  cells: string[][]
  /** The same rows read with the mapping; empty when the file cannot be read with it. */
  lines: Omit<StatementLine, 'lineKey'>[]
  /** Data rows in the file. */
  rowCount: number
  fileProblem: PreviewFileProblem | null
}

export function previewBankFormat(
  content: Uint8Array,
  format: BankFileFormat,
  options: { today: string; absurdPaymentTetri: number },
): BankFormatPreview {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content)
  } catch {
    return { header: null, cells: [], lines: [], rowCount: 0, fileProblem: { problem: 'encoding' } }
  }
  const parsed = parseCsv(text, format.delimiter)
  if (!parsed.ok) {
    const fileProblem = { problem: 'unreadable' as const, line: parsed.line }
    return { header: null, cells: [], lines: [], rowCount: 0, fileProblem }
  }
  const records = parsed.records.slice(format.skipLines).map((r) => r.fields)
  const header = format.hasHeader ? (records.shift() ?? null) : null
  const cells = records.slice(0, PREVIEW_ROWS)
  const read = readStatement(text, format, options)
  if (!read.ok) {
    const { ok: _ok, ...fileProblem } = read
    return { header, cells, lines: [], rowCount: records.length, fileProblem }
  }
  const lines = read.lines.slice(0, PREVIEW_ROWS).map(({ lineKey: _key, ...line }) => line)
  return { header, cells, lines, rowCount: records.length, fileProblem: null }
}
