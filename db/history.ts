import { desc, eq } from 'drizzle-orm'
import type { HistoryEntry } from '../domain/history'
import type { Db } from './database'
import { recordHistory } from './schema'

/** Every change filed under a record (its own and its children's), newest first. */
export function historyOf(db: Db, subjectId: string): HistoryEntry[] {
  return db
    .select()
    .from(recordHistory)
    .where(eq(recordHistory.subjectId, subjectId))
    .orderBy(desc(recordHistory.hlc))
    .all()
    .map((h) => ({
      id: h.mutationId,
      at: h.at,
      userName: h.userName,
      entity: h.entity,
      rowId: h.rowId,
      op: h.op,
      changes: changesOf(h.changes),
    }))
}

/**
 * A history row's changes: a list of field changes, or, for a local insert, the inserted values
 * themselves (the write path stores the outbox row's text once more instead of a list twice its size).
 */
function changesOf(text: string): HistoryEntry['changes'] {
  const parsed = JSON.parse(text) as HistoryEntry['changes'] | Record<string, unknown>
  if (Array.isArray(parsed)) return parsed
  return Object.entries(parsed).map(([field, to]) => ({ field, from: null, to }))
}
