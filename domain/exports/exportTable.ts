import { z } from 'zod'

// A table as a screen shows it (its filters applied), to be written to an Excel workbook. Every
// report and list exports through this one shape; money is whole tetri, written as lari.

export const ExportColumnKind = z.enum(['text', 'number', 'money', 'percent'])
export type ExportColumnKind = z.infer<typeof ExportColumnKind>

const Cell = z.union([z.string().max(2_000, 'validation.tooLong'), z.number().finite(), z.null()])
export type ExportCell = z.infer<typeof Cell>

export const ExportTable = z
  .object({
    title: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    columns: z
      .array(z.object({ header: z.string().max(200, 'validation.tooLong'), kind: ExportColumnKind }).strict())
      .min(1)
      .max(60),
    rows: z.array(z.array(Cell).max(60)).max(200_000),
    /** A totals row, set apart in bold. */
    footer: z.array(Cell).max(60).nullable().default(null),
  })
  .strict()
  .superRefine((table, ctx) => {
    const width = table.columns.length
    const rows = table.footer ? [...table.rows, table.footer] : table.rows
    const bad = rows.findIndex((row) => row.length !== width)
    if (bad >= 0) ctx.addIssue({ code: 'custom', path: ['rows', bad], message: 'exports.rowWidth' })
  })
export type ExportTable = z.input<typeof ExportTable>
