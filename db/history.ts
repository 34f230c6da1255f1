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
      changes: JSON.parse(h.changes) as HistoryEntry['changes'],
    }))
}
