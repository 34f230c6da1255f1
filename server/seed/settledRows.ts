import { eq, sql } from 'drizzle-orm'
import {
  type EntityDefinition,
  type EntityName,
  entities,
  fullRowSchema,
  type RowValues,
} from '../../domain/sync/entities'
import type { Scope } from '../../domain/sync/protocol'
import type { ServerContext } from '../context'
import { record } from '../db/schema'
import { advanceCounter, lockCounter, SequenceAllocator } from '../sync/sequence'
import { serverHlc } from '../sync/serverClock'
import type { SyncTx } from '../sync/syncTx'

/**
 * Rows per statement. The rows travel as one JSON parameter, so PostgreSQL's parameter limit does not
 * bound a batch; this size keeps a statement's text a few megabytes.
 */
const BATCH = 5_000

/** A row a demo generator makes (domain/<registry>/demoData.ts). */
export interface SettledRow {
  entity: EntityName
  id: string
  values: Record<string, string | number | boolean | null>
}

/**
 * Writes a registry's demo rows as settled server data: every row validated by its entity's schema,
 * stored as a record with its unique keys and one change-log entry, in one transaction under the
 * counter lock, so enrolled PCs get it by snapshot like any other data. Nothing is written when the
 * store already has a `marker` row. Memory stays bounded: rows are written as they are made.
 * Returns the rows written.
 */
export async function seedSettledRows(
  ctx: Pick<ServerContext, 'db' | 'now' | 'notify'>,
  scope: Scope,
  marker: EntityName,
  makeRows: (at: Date) => Iterable<readonly SettledRow[]>,
): Promise<number> {
  const at = ctx.now()
  const written = await ctx.db.transaction(async (tx) => {
    const locked = await lockCounter(tx)
    const [existing] = await tx
      .select({ id: record.id })
      .from(record)
      .where(eq(record.entity, marker))
      .limit(1)
    if (existing) return null
    const seqs = new SequenceAllocator(locked)
    const writer = oneInFlight(batchWriter(tx, { scope, at, txSeq: locked.seq + 1 }))
    let batch: ValidRow[] = []
    let count = 0
    try {
      for (const group of makeRows(at)) {
        for (const row of group) {
          const values = fullRowSchema(row.entity).parse(row.values)
          batch.push({ entity: row.entity, id: row.id, seq: seqs.next(), values })
          count += 1
        }
        if (batch.length >= BATCH) {
          await writer.send(batch)
          batch = []
        }
      }
      if (batch.length > 0) await writer.send(batch)
    } catch (error) {
      // A refused row ends the transaction: the batch still being written settles before the rollback.
      await writer.drained().catch(() => {})
      throw error
    }
    await writer.drained()
    await advanceCounter(tx, locked, seqs.used)
    return { count, lastSeq: seqs.current }
  })
  if (!written) return 0
  await ctx.notify(scope, written.lastSeq)
  return written.count
}

interface ValidRow {
  entity: EntityName
  id: string
  seq: number
  values: RowValues
}

/**
 * Sends a batch while the caller makes the next one, so PostgreSQL stores one batch as Node validates
 * the next (on PGlite, which runs in this thread, it changes nothing). A failed batch is thrown by the
 * next `send` or by `drained`.
 */
function oneInFlight(write: (rows: readonly ValidRow[]) => Promise<void>) {
  let inFlight: Promise<void> = Promise.resolve()
  return {
    async send(rows: readonly ValidRow[]): Promise<void> {
      await inFlight
      inFlight = write(rows)
      // Awaited by the next send or by drained; until then a failure must not count as unhandled.
      inFlight.catch(() => {})
    },
    drained: (): Promise<void> => inFlight,
  }
}

/**
 * One statement per batch: the rows go as one JSON parameter, read once, and become the records
 * (created with the whole row at its seq by the server, like a PC's insert), their change-log
 * entries and their unique keys.
 */
function batchWriter(tx: SyncTx, context: { scope: Scope; at: Date; txSeq: number }) {
  const hlc = serverHlc(context.at)
  return async (rows: readonly ValidRow[]) => {
    const keys = rows.flatMap((r) => uniqueKeysOf(r.entity, entities[r.entity], r.id, r.values))
    await tx.execute(sql`
      WITH batch AS MATERIALIZED (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(entity text, id uuid, seq bigint, "values" jsonb)
      ), records AS (
        INSERT INTO record (entity, id, scope, "values", field_meta, row_seq, created_seq)
        SELECT entity, id, ${context.scope}, "values",
          jsonb_build_object('*', jsonb_build_object('seq', seq, 'hlc', ${hlc}::text, 'device', NULL, 'by', NULL)),
          seq, seq
        FROM batch
      ), keys AS (
        INSERT INTO unique_key (entity, key, value, row_id)
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb)
          AS k(entity text, key text, value text, "rowId" uuid)
      )
      INSERT INTO change_log (seq, tx_seq, scope, entity, row_id, op, "values", field_versions, at)
      SELECT seq, ${context.txSeq}, ${context.scope}, entity, id, 'put', "values",
        jsonb_build_object('*', seq), ${context.at.toISOString()}::timestamptz
      FROM batch`)
  }
}

/** The unique values a new live row holds (the generators never repeat one). */
function uniqueKeysOf(entity: string, def: EntityDefinition, rowId: string, values: RowValues) {
  return def.uniqueKeys.flatMap((key) => {
    const value = values[key.field]
    if (value === null || value === undefined || (key.when && !key.when(values))) return []
    return [{ entity, key: key.field, value: String(value), rowId }]
  })
}
