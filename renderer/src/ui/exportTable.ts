import type { ExportTable } from '../../../domain/exports/exportTable'
import { api } from '../api/api'
import { unwrap } from '../app/apiFailure'
import { base64ToBlob, saveBlob } from '../property/documents/documentFiles'

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A file name from a table's title, without characters Windows refuses. */
export const workbookFileName = (title: string, suffix: string): string =>
  `${`${title} ${suffix}`
    .replace(/[<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()}.xlsx`

/**
 * Writes a table as the screen shows it to an xlsx file (the backend makes the workbook) and hands
 * it over: the browser downloads it, the desktop app asks where to save it.
 */
export async function exportTable(table: ExportTable, fileName: string): Promise<void> {
  const { contentBase64 } = await unwrap(api.exports.tableWorkbook(table))
  saveBlob(base64ToBlob(contentBase64, xlsxType), fileName)
}
