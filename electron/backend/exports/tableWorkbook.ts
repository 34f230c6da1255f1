import ExcelJS from 'exceljs'
import type { ExportColumnKind, ExportTable } from '../../../domain/exports/exportTable'

// One table to one xlsx sheet: a bold header row kept in view, a bold totals row, money as lari
// with two decimals (the store's whole tetri divided by 100), shares as percents, widths to fit.

const numberFormats: Record<ExportColumnKind, string | undefined> = {
  text: undefined,
  number: '#,##0',
  money: '#,##0.00',
  percent: '0.0%',
}

// Sylfaen ships with every Windows and has Georgian letters; Calibri has none.
const font = { name: 'Sylfaen', size: 11 }

/** Characters Excel refuses in a sheet name, which is also at most 31 characters. */
const sheetName = (title: string) =>
  title
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim() || 'Sheet1'

type Cell = string | number | null

export async function tableWorkbook(table: Required<ExportTable>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Rustavi City Hall'
  const sheet = workbook.addWorksheet(sheetName(table.title), {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  const value = (kind: ExportColumnKind, cell: Cell): Cell =>
    kind === 'money' && typeof cell === 'number' ? cell / 100 : cell
  const addRow = (cells: readonly Cell[], bold: boolean) => {
    const row = sheet.addRow(cells.map((cell, i) => value(table.columns[i]!.kind, cell)))
    row.font = { ...font, bold }
  }
  addRow(
    table.columns.map((c) => c.header),
    true,
  )
  for (const row of table.rows) addRow(row, false)
  if (table.footer) addRow(table.footer, true)

  table.columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1)
    const format = numberFormats[column.kind]
    if (format) sheetColumn.numFmt = format
    if (column.kind !== 'text') sheet.getCell(1, i + 1).alignment = { horizontal: 'right' }
    let widest = column.header.length
    for (const row of table.rows) widest = Math.max(widest, String(row[i] ?? '').length + 2)
    sheetColumn.width = Math.min(60, Math.max(10, widest + 2))
  })
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
