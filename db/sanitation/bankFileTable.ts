import ExcelJS from 'exceljs'
import { DomainError } from '../../domain/errors'
import type { BankFileFormat } from '../../domain/sanitation/bankFileFormat'
import { csvStatementTable, type StatementTable } from '../../domain/sanitation/bankStatement'
import type { CsvRecord } from '../../domain/sanitation/csv'
import { fingerprint } from '../../domain/sanitation/fingerprint'

// A bank file's bytes as the cells of its statement: a CSV (UTF-8 text) split by the format's
// delimiter, or an xlsx workbook's first sheet, each cell turned into the text a CSV would hold, so
// both are read into lines by the same rules (domain/sanitation/bankStatement.ts).

const fileError = (key: string, message: string) =>
  new DomainError('VALIDATION', message, { file: `sanitation.bankImport.${key}` })

/** An xlsx file is a zip archive: it starts with "PK\x03\x04". */
export const isWorkbook = (content: Uint8Array): boolean =>
  content.length >= 4 && content[0] === 0x50 && content[1] === 0x4b && content[2] === 3 && content[3] === 4

export async function bankFileTable(content: Uint8Array, format: BankFileFormat): Promise<StatementTable> {
  return isWorkbook(content) ? workbookTable(content, format) : csvFileTable(content, format)
}

export function csvFileTable(content: Uint8Array, format: BankFileFormat): StatementTable {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content)
  } catch {
    throw fileError('encoding', 'The file is not UTF-8 text')
  }
  const table = csvStatementTable(text, format)
  if ('problem' in table) throw fileError('unreadable', `The file cannot be read (line ${table.line})`)
  return table
}

async function workbookTable(content: Uint8Array, format: BankFileFormat): Promise<StatementTable> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(content) as unknown as ExcelJS.Buffer)
  } catch {
    throw fileError('workbookUnreadable', 'The file is not a readable xlsx workbook')
  }
  const sheet = workbook.worksheets[0]
  const records: CsvRecord[] = []
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const fields: string[] = []
    for (let column = 1; column <= row.cellCount; column++) {
      fields.push(cellText(row.getCell(column).value, format))
    }
    while (fields.length > 0 && fields.at(-1) === '') fields.pop()
    if (fields.length > 0) records.push({ line: row.number, fields })
  })
  // The same statement saved again (another date in the file's properties) is the same file.
  const text = records.map((r) => r.fields.join('\u0001')).join('\n')
  return { records, fingerprint: fingerprint(`xlsx\n${text}`) }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A date cell in the format's own layout, so the statement's date rules read it. */
function dateText(date: Date, format: BankFileFormat): string {
  // A workbook's dates carry no zone: ExcelJS gives them as UTC midnight (plus the time of day).
  const [y, m, d] = [date.getUTCFullYear(), pad(date.getUTCMonth() + 1), pad(date.getUTCDate())]
  if (format.dateFormat === 'yyyy-MM-dd') return `${y}-${m}-${d}`
  return format.dateFormat === 'dd.MM.yyyy' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`
}

function cellText(value: ExcelJS.CellValue, format: BankFileFormat): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return dateText(value, format)
  if (typeof value === 'number') {
    // A float's noise (12.400000000000002) is not part of the amount the bank wrote.
    return String(Number.isInteger(value) ? value : Number(value.toFixed(6)))
  }
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return String(value)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result
    return typeof result === 'object' && result !== null && 'error' in result ? '' : cellText(result, format)
  }
  if ('hyperlink' in value) return String(value.text)
  return ''
}
