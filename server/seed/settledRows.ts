import { eq } from 'drizzle-orm'
import {
  type EntityDefinition,
  type EntityName,
  entities,
  fullRowSchema,
  type RowValues,
} from '../../domain/sync/entities'
import type { Scope } from '../../domain/sync/protocol'
import type { ServerContext } from '../context'
import { changeLog, record, uniqueKey } from '../db/schema'
import { advanceCounter, lockCounter, SequenceAllocator } from '../sync/sequence'
import { serverHlc } from '../sync/serverClock'

/** Rows per INSERT statement: large enough to be quick, small enough for PostgreSQL's parameter limit. */
const CHUNK = 400

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
  const hlc = serverHlc(at)
  const written = await ctx.db.transaction(async (tx) => {
    const locked = await lockCounter(tx)
    const [existing] = await tx
      .select({ id: record.id })
      .from(record)
      .where(eq(record.entity, marker))
      .limit(1)
    if (existing) return null
    const seqs = new SequenceAllocator(locked)
    const txSeq = locked.seq + 1
    let records: (typeof record.$inferInsert)[] = []
    let changes: (typeof changeLog.$inferInsert)[] = []
    let keys: (typeof uniqueKey.$inferInsert)[] = []
    let count = 0
    const flush = async () => {
      for (let i = 0; i < records.length; i += CHUNK)
        await tx.insert(record).values(records.slice(i, i + CHUNK))
      for (let i = 0; i < keys.length; i += CHUNK) await tx.insert(uniqueKey).values(keys.slice(i, i + CHUNK))
      for (let i = 0; i < changes.length; i += CHUNK)
        await tx.insert(changeLog).values(changes.slice(i, i + CHUNK))
      records = []
      changes = []
      keys = []
    }
    for (const group of makeRows(at)) {
      for (const row of group) {
        const values = fullRowSchema(row.entity).parse(row.values)
        const seq = seqs.next()
        records.push({
          entity: row.entity,
          id: row.id,
          scope,
          values,
          fieldMeta: { '*': { seq, hlc, device: null, by: null } },
          deletedAt: null,
          deletedSeq: null,
          rowSeq: seq,
          createdSeq: seq,
        })
        changes.push({
          seq,
          txSeq,
          scope,
          entity: row.entity,
          rowId: row.id,
          op: 'put',
          values,
          deletedAt: null,
          fieldVersions: { '*': seq },
          originDevice: null,
          originMutation: null,
          userId: null,
          userName: null,
          at,
        })
        keys.push(...uniqueKeysOf(row.entity, entities[row.entity], row.id, values))
        count += 1
      }
      if (records.length >= 20 * CHUNK) await flush()
    }
    await flush()
    await advanceCounter(tx, locked, seqs.used)
    return { count, lastSeq: seqs.current }
  })
  if (!written) return 0
  await ctx.notify(scope, written.lastSeq)
  return written.count
}

/** The unique values a new live row holds (the generators never repeat one). */
export function uniqueKeysOf(entity: string, def: EntityDefinition, rowId: string, values: RowValues) {
  return def.uniqueKeys.flatMap((key) => {
    const value = values[key.field]
    if (value === null || value === undefined || (key.when && !key.when(values))) return []
    return [{ entity, key: key.field, value: String(value), rowId }]
  })
}
