import type { BankFileFormat } from './bankFileFormat'
import { readStatementTable, type StatementLine, type StatementTable } from './bankStatement'

// A head trying a format's column mapping on a sample statement: the first rows read with the
// mapping, each with its problems, and the file's own columns, so the head sees what to map.

export const PREVIEW_ROWS = 5

/** What the mapping cannot find in the file (a file that cannot be read at all is an error). */
export type PreviewFileProblem = { problem: 'missingColumn'; columns: string[] } | { problem: 'empty' }

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

/** The sample's cells (a CSV's records or a workbook's first sheet) read with the format. */
export function previewBankFormat(
  table: StatementTable,
  format: BankFileFormat,
  options: { today: string; absurdPaymentTetri: number },
): BankFormatPreview {
  const records = table.records.slice(format.skipLines).map((r) => r.fields)
  const header = format.hasHeader ? (records.shift() ?? null) : null
  const cells = records.slice(0, PREVIEW_ROWS)
  const read = readStatementTable(table, format, options)
  if (!read.ok) {
    const fileProblem: PreviewFileProblem =
      read.problem === 'missingColumn'
        ? { problem: 'missingColumn', columns: read.columns }
        : { problem: 'empty' }
    return { header, cells, lines: [], rowCount: records.length, fileProblem }
  }
  const lines = read.lines.slice(0, PREVIEW_ROWS).map(({ lineKey: _key, ...line }) => line)
  return { header, cells, lines, rowCount: records.length, fileProblem: null }
}
