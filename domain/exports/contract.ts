import { z } from 'zod'
import { signedIn } from '../auth/access'
import { defineCalls } from '../contract'
import { ExportTable } from './exportTable'

// Exports of what a screen shows. The table comes from a screen the user may already read, so
// being signed in is enough; the call reads nothing from the store.

export const exportsCalls = defineCalls({
  /** The table as an xlsx workbook (one sheet, bold header, totals row, money in lari). */
  tableWorkbook: {
    input: ExportTable,
    output: z.object({ contentBase64: z.string() }).strict(),
    access: signedIn,
  },
})
