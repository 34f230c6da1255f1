import { and, eq, lte, sql } from 'drizzle-orm'
import type { RowValues } from '../../domain/sync/entities'
import type { ChangeEntry, FieldVersions, Scope } from '../../domain/sync/protocol'
import type { ServerDb } from '../context'
import { changeLog, syncCounter } from '../db/schema'
import { lockCounter } from './sequence'
import type { SyncTx } from './syncTx'

export interface NewChange {
  seq: number
  txSeq: number
  scope: Scope
  entity: string
  rowId: string
  op: ChangeEntry['op']
  values: RowValues
  deletedAt: string | null
  fieldVersions: FieldVersions | null
  originDevice: string | null
  originMutation: string | null
  userId: string | null
  userName: string | null
  at: Date
}

export async function appendChange(tx: SyncTx, change: NewChange): Promise<void> {
  await tx.insert(changeLog).values({
    ...change,
    deletedAt: change.deletedAt === null ? null : new Date(change.deletedAt),
  })
}

export function changeEntryOf(row: typeof changeLog.$inferSelect): ChangeEntry {
  const entry: ChangeEntry = {
    seq: row.seq,
    txSeq: row.txSeq,
    scope: row.scope as Scope,
    entity: row.entity,
    rowId: row.rowId,
    op: row.op as ChangeEntry['op'],
    values: row.values as RowValues,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    originDevice: row.originDevice,
    originMutation: row.originMutation,
    userId: row.userId,
    userName: row.userName,
    at: row.at.toISOString(),
  }
  if (row.fieldVersions !== null) entry.fieldVersions = row.fieldVersions as FieldVersions
  return entry
}

/** How long the change log keeps an entry: the longest a PC may stay offline and still catch up. */
export const CHANGE_LOG_RETENTION_DAYS = 180

/**
 * Drops change-log entries older than the retention period and moves the horizon, so a PC whose
 * cursor is older is told to resnapshot (410) instead of missing changes. Whole server transactions
 * go together. The mutation log (the audit trail) is never pruned. Returns how many entries went.
 */
export async function pruneChangeLog(
  db: ServerDb,
  now: Date,
  retentionDays = CHANGE_LOG_RETENTION_DAYS,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000)
  return db.transaction(async (tx) => {
    const locked = await lockCounter(tx)
    const [last] = await tx
      .select({ seq: sql<number | null>`max(${changeLog.seq})`.mapWith(Number) })
      .from(changeLog)
      .where(lte(changeLog.at, cutoff))
    if (last?.seq === null || last?.seq === undefined || Number.isNaN(last.seq)) return 0
    // Never split a transaction: keep the whole group the newest old entry belongs to, if it goes on.
    const [group] = await tx
      .select({ txSeq: changeLog.txSeq })
      .from(changeLog)
      .where(eq(changeLog.seq, last.seq))
    const [after] = await tx
      .select({ seq: changeLog.seq })
      .from(changeLog)
      .where(and(eq(changeLog.txSeq, group?.txSeq ?? last.seq), sql`${changeLog.seq} > ${last.seq}`))
      .limit(1)
    const upTo = after ? (group?.txSeq ?? last.seq) - 1 : last.seq
    if (upTo <= locked.retainedFrom) return 0
    const removed = await tx
      .delete(changeLog)
      .where(lte(changeLog.seq, upTo))
      .returning({ seq: changeLog.seq })
    await tx.update(syncCounter).set({ retainedFrom: upTo }).where(eq(syncCounter.id, 1))
    return removed.length
  })
}
