import { z } from 'zod'

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
    op: z.enum(['insert', 'update', 'delete']),
    changes: z.array(FieldChange),
  })
  .strict()
export type HistoryEntry = z.infer<typeof HistoryEntry>
