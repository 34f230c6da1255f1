import { eq } from 'drizzle-orm'
import { v7 as uuidv7 } from 'uuid'
import { demoPropertyRows } from '../../domain/property/demoData'
import { initialTerritorialUnits } from '../../domain/reference/rustaviUnits'
import { type EntityDefinition, entities, fullRowSchema, type RowValues } from '../../domain/sync/entities'
import type { ServerContext } from '../context'
import { changeLog, record, uniqueKey } from '../db/schema'
import { advanceCounter, lockCounter, SequenceAllocator } from '../sync/sequence'
import { serverHlc } from '../sync/serverClock'

/** Rows per INSERT statement: large enough to be quick, small enough for PostgreSQL's parameter limit. */
const CHUNK = 400

/**
 * `--demo` on a store without property objects: the demo municipality's property registry
 * (domain/property/demoData.ts), every row validated by its entity's schema, written as records with
 * their unique keys and one change-log entry each (in one transaction, under the counter lock), so
 * every enrolled PC gets it by snapshot or pull like any other data. Returns the rows written.
 */
export async function seedDemoProperty(
  ctx: Pick<ServerContext, 'db' | 'now' | 'notify'>,
  options: { objects: number; seed?: number },
): Promise<number> {
  if (options.objects <= 0) return 0
  const at = ctx.now()
  const hlc = serverHlc(at)
  const unitIds = initialTerritorialUnits.map((u) => u.id)
  const written = await ctx.db.transaction(async (tx) => {
    const locked = await lockCounter(tx)
    const [existing] = await tx
      .select({ id: record.id })
      .from(record)
      .where(eq(record.entity, 'propertyObject'))
      .limit(1)
    if (existing) return null
    const seqs = new SequenceAllocator(locked)
    const txSeq = locked.seq + 1
    const records: (typeof record.$inferInsert)[] = []
    const changes: (typeof changeLog.$inferInsert)[] = []
    const keys: (typeof uniqueKey.$inferInsert)[] = []
    const rows = demoPropertyRows(unitIds, {
      objects: options.objects,
      today: at,
      seed: options.seed,
      newId: uuidv7,
    })
    for (const group of rows) {
      for (const row of group) {
        const values = fullRowSchema(row.entity).parse(row.values)
        const seq = seqs.next()
        records.push({
          entity: row.entity,
          id: row.id,
          scope: 'property',
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
          scope: 'property',
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
      }
    }
    for (let i = 0; i < records.length; i += CHUNK)
      await tx.insert(record).values(records.slice(i, i + CHUNK))
    for (let i = 0; i < keys.length; i += CHUNK) await tx.insert(uniqueKey).values(keys.slice(i, i + CHUNK))
    for (let i = 0; i < changes.length; i += CHUNK)
      await tx.insert(changeLog).values(changes.slice(i, i + CHUNK))
    await advanceCounter(tx, locked, seqs.used)
    return { count: records.length, lastSeq: seqs.current }
  })
  if (!written) return 0
  await ctx.notify('property', written.lastSeq)
  return written.count
}

/** The unique values a new live row holds (the generator never repeats one). */
export function uniqueKeysOf(entity: string, def: EntityDefinition, rowId: string, values: RowValues) {
  return def.uniqueKeys.flatMap((key) => {
    const value = values[key.field]
    if (value === null || value === undefined || (key.when && !key.when(values))) return []
    return [{ entity, key: key.field, value: String(value), rowId }]
  })
}
