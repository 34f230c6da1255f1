import { and, eq } from 'drizzle-orm'
import type { RowValues } from '../../domain/sync/entities'
import { type FieldMetaMap, fieldVersionsOf, type ServerRecord } from '../../domain/sync/merge'
import type { Scope, ServerRow } from '../../domain/sync/protocol'
import { record } from '../db/schema'
import type { Queryable, SyncTx } from './syncTx'

/** A replicated row as the server keeps it. */
export interface StoredRecord extends ServerRecord {
  entity: string
  id: string
  scope: Scope
  deletedSeq: number | null
  rowSeq: number
  createdSeq: number
}

type RecordRow = typeof record.$inferSelect

function storedOf(row: RecordRow): StoredRecord {
  return {
    entity: row.entity,
    id: row.id,
    scope: row.scope as Scope,
    values: row.values as RowValues,
    meta: row.fieldMeta as FieldMetaMap,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    deletedSeq: row.deletedSeq,
    rowSeq: row.rowSeq,
    createdSeq: row.createdSeq,
  }
}

export async function loadRecord(db: Queryable, entity: string, id: string): Promise<StoredRecord | null> {
  const [row] = await db
    .select()
    .from(record)
    .where(and(eq(record.entity, entity), eq(record.id, id)))
  return row ? storedOf(row) : null
}

/** Writes a row's new state; `seq` is the change that made it. */
export async function saveRecord(
  tx: SyncTx,
  entity: string,
  id: string,
  scope: Scope,
  state: ServerRecord,
  seq: number,
  existing: StoredRecord | null,
): Promise<void> {
  const deletedSeq = state.deletedAt === null ? null : (existing?.deletedSeq ?? seq)
  const columns = {
    scope,
    values: state.values,
    fieldMeta: state.meta,
    deletedAt: state.deletedAt === null ? null : new Date(state.deletedAt),
    deletedSeq,
    rowSeq: seq,
  }
  if (existing) {
    await tx
      .update(record)
      .set(columns)
      .where(and(eq(record.entity, entity), eq(record.id, id)))
  } else {
    await tx.insert(record).values({ entity, id, createdSeq: seq, ...columns })
  }
}

/** The row as a PC is shown it (with a rejection, or in a snapshot). */
export function serverRowOf(stored: StoredRecord): ServerRow {
  return {
    entity: stored.entity,
    rowId: stored.id,
    scope: stored.scope,
    values: stored.values,
    fieldVersions: fieldVersionsOf(stored.meta),
    deletedAt: stored.deletedAt,
  }
}

export { storedOf as storedRecordOf }
