import { z } from 'zod'

/** What a change did to a record; `restore` brings a deleted record back (a head's conflict decision). */
export const recordOps = ['insert', 'update', 'delete', 'restore'] as const
export const RecordOp = z.enum(recordOps)
export type RecordOp = z.infer<typeof RecordOp>

/** One field of one change: what it was and what it became. */
export const FieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }).strict()

/** A change to a record as its history screen shows it. */
export const HistoryEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    userName: z.string(),
    entity: z.string(),
    rowId: z.string(),
    op: RecordOp,
    changes: z.array(FieldChange),
  })
  .strict()
export type HistoryEntry = z.infer<typeof HistoryEntry>
