import { eq } from 'drizzle-orm'
import { initialTerritorialUnits } from '../../domain/reference/rustaviUnits'
import { type DemoSanitationOptions, demoSanitationRows } from '../../domain/sanitation/demoData'
import { DEMO_SANITATION_SEED, demoIdSequence } from '../../domain/sanitation/demoIds'
import { entities, fullRowSchema } from '../../domain/sync/entities'
import type { ServerContext } from '../context'
import { changeLog, record, uniqueKey } from '../db/schema'
import { advanceCounter, lockCounter, SequenceAllocator } from '../sync/sequence'
import { serverHlc } from '../sync/serverClock'
import { uniqueKeysOf } from './demoProperty'

/** Rows per INSERT statement: large enough to be quick, small enough for PostgreSQL's parameter limit. */
const CHUNK = 400

/**
 * `--demo` on a store without sanitation payers: the demo sanitation registry
 * (domain/sanitation/demoData.ts) with the ids a PC on its own gives it
 * (electron/backend/seed/demoSanitation.ts), every row validated by its entity's schema and written
 * as a record with its unique keys and one change-log entry, in one transaction under the counter
 * lock, so enrolled PCs get it by snapshot like any other data. Returns the rows written.
 */
export async function seedDemoSanitation(
  ctx: Pick<ServerContext, 'db' | 'now' | 'notify'>,
  options: Pick<DemoSanitationOptions, 'households' | 'organisations'> & { seed?: number },
): Promise<number> {
  if (options.households + options.organisations <= 0) return 0
  const at = ctx.now()
  const hlc = serverHlc(at)
  const seed = options.seed ?? DEMO_SANITATION_SEED
  const written = await ctx.db.transaction(async (tx) => {
    const locked = await lockCounter(tx)
    const [existing] = await tx
      .select({ id: record.id })
      .from(record)
      .where(eq(record.entity, 'sanitationPayer'))
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
    const rows = demoSanitationRows(
      initialTerritorialUnits.map((u) => u.id),
      { ...options, today: at, seed, newId: demoIdSequence(seed) },
    )
    for (const group of rows) {
      for (const row of group) {
        const values = fullRowSchema(row.entity).parse(row.values)
        const seq = seqs.next()
        records.push({
          entity: row.entity,
          id: row.id,
          scope: 'sanitation',
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
          scope: 'sanitation',
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
      // Bounded memory: the city's 650,000 rows are written as they are made.
      if (records.length >= 20 * CHUNK) await flush()
    }
    await flush()
    await advanceCounter(tx, locked, seqs.used)
    return { count, lastSeq: seqs.current }
  })
  if (!written) return 0
  await ctx.notify('sanitation', written.lastSeq)
  return written.count
}
