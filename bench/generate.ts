import { join } from 'node:path'
import Database from 'better-sqlite3'
import { getTableColumns } from 'drizzle-orm'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { v7 as uuidv7 } from 'uuid'
import { openDatabase } from '../db/openDatabase'
import { propertySearchIndex } from '../db/property/searchIndex'
import { listTerritorialUnits } from '../db/reference/territorialUnits'
import { replicatedTables } from '../db/replicatedTables'
import { createWritePath } from '../db/writePath'
import { demoPropertyChanges, seedDemoProperty } from '../electron/backend/seed/demoProperty'
import { seedTerritorialUnits } from '../electron/backend/seed/territorialUnits'
import { type BenchContext, migrationsFolder } from './context'
import { formatCount, formatMs, median, type Outcome, report, since } from './stats'

const TARGET_MS = 15_000

/**
 * Generating the demo store: the registry seeded through the write path (rows, outbox, history and
 * the search index, in batches), against the same rows inserted plainly in one transaction.
 */
export function generateBenchmark(ctx: BenchContext): Outcome {
  const store = ctx.store()
  const runs = Number.isNaN(store.generationMs) ? [] : [store.generationMs]
  const wanted = Math.max(1, Number(process.env.BENCH_GENERATE_RUNS ?? 1))
  while (runs.length < wanted) runs.push(seedFreshStore(ctx))

  const counts = store.db.$client
    .prepare(
      `SELECT (SELECT count(*) FROM property_object) AS objects,
        (SELECT count(*) FROM property_cadastral_code) AS codes,
        (SELECT count(*) FROM property_lease) AS leases,
        (SELECT count(*) FROM property_lease_payment) AS payments,
        (SELECT count(*) FROM outbox) AS outbox`,
    )
    .get() as Record<string, number>
  const rows = counts.objects! + counts.codes! + counts.leases! + counts.payments!

  const unitIds = listTerritorialUnits(store.db).map((u) => u.id)
  const rawRuns = [0, 1, 2].map(() => rawInsert(ctx, unitIds, false))
  const rawLogged = rawInsert(ctx, unitIds, true)
  return report(
    `generate: ${formatCount(ctx.objects)}-object demo store through the write path`,
    [
      {
        label: `seed time${runs.length > 1 ? ` (median of ${runs.length})` : ''}`,
        value: median(runs),
        target: (TARGET_MS * ctx.objects) / 100_000,
      },
    ],
    { label: `same ${formatCount(rows)} rows, plain INSERTs, 1 transaction`, value: median(rawRuns) },
    [
      `${formatCount(counts.objects!)} objects, ${formatCount(counts.codes!)} cadastral codes, ${formatCount(counts.leases!)} leases, ${formatCount(counts.payments!)} payments; ${formatCount(counts.outbox!)} outbox rows`,
      `write path: ${(((median(runs) * 1000) / rows) | 0).toLocaleString('en-US')} us per row; raw: ${(((median(rawRuns) * 1000) / rows) | 0).toLocaleString('en-US')} us per row (median of 3)`,
      `raw with the write path's volume (each row plus an outbox row and a history row with the same JSON, one transaction): ${formatMs(rawLogged)}`,
    ],
  )
}

/** Another full seed into a fresh store, for BENCH_GENERATE_RUNS > 1. */
function seedFreshStore(ctx: BenchContext): number {
  const file = join(ctx.tempDir('generate'), 'rustavi.db')
  const db = openDatabase(file, { migrationsFolder })
  try {
    const write = createWritePath(db, { derivedIndexes: [propertySearchIndex], now: () => ctx.now })
    const start = performance.now()
    seedTerritorialUnits(db, write)
    seedDemoProperty(db, write, { objects: ctx.objects, today: ctx.now, seed: ctx.seed })
    return since(start)
  } finally {
    db.$client.close()
  }
}

/**
 * The physical limit: the generator's rows (made before the clock starts) inserted with plain
 * prepared statements in one transaction, synchronous=FULL, no outbox, history or search index.
 * With `logged`, each row also gets an outbox row and a history row carrying the same JSON the
 * write path would write (field values, base versions, field changes), still in plain INSERTs.
 */
function rawInsert(ctx: BenchContext, unitIds: readonly string[], logged: boolean): number {
  const file = join(ctx.tempDir('raw-generate'), 'rustavi.db')
  openDatabase(file, { migrationsFolder }).$client.close()
  const client = new Database(file)
  try {
    client.pragma('journal_mode = WAL')
    client.pragma('synchronous = FULL')
    client.pragma('foreign_keys = ON')
    const at = ctx.now.toISOString()
    for (const unitId of unitIds) {
      client
        .prepare(
          `INSERT INTO territorial_unit (id, created_at, updated_at, updated_by, code, name_ka, name_en)
           VALUES (?, ?, ?, 'system', ?, 'x', 'x')`,
        )
        .run(unitId, at, at, unitId)
    }
    const tables = new Map<string, { statement: Database.Statement; keys: string[] }>()
    const prepared = (entity: keyof typeof replicatedTables) => {
      let t = tables.get(entity)
      if (!t) {
        const table = replicatedTables[entity].table
        const columns = getTableColumns(table) as Record<string, { name: string }>
        const keys = Object.keys(columns)
        const names = keys.map((k) => `"${columns[k]!.name}"`)
        const statement = client.prepare(
          `INSERT INTO "${getTableConfig(table).name}" (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        )
        t = { statement, keys }
        tables.set(entity, t)
      }
      return t
    }
    const system = {
      version: 1,
      fieldVersions: '{}',
      deletedAt: null,
      createdAt: at,
      updatedAt: at,
      updatedBy: 'system',
    }
    const outbox = client.prepare(
      `INSERT INTO outbox (seq, mutation_id, entity, row_id, op, fields, base_versions, hlc, user_id, created_at)
       VALUES (?, ?, ?, ?, 'insert', ?, ?, ?, 'system', ?)`,
    )
    const history = client.prepare(
      `INSERT INTO record_history (mutation_id, entity, row_id, subject_id, op, changes, user_id, user_name, at, hlc)
       VALUES (?, ?, ?, ?, 'insert', ?, 'system', 'system', ?, ?)`,
    )
    const rows: { statement: Database.Statement; values: unknown[] }[] = []
    let seq = 0
    const options = { objects: ctx.objects, today: ctx.now, seed: ctx.seed }
    for (const group of demoPropertyChanges(unitIds, options)) {
      for (const change of group) {
        if (change.op !== 'insert') continue
        const { statement, keys } = prepared(change.entity)
        const id = change.id ?? uuidv7()
        const row: Record<string, unknown> = { ...change.values, ...system, id }
        rows.push({ statement, values: keys.map((k) => row[k] ?? null) })
        if (!logged) continue
        seq += 1
        const mutationId = uuidv7()
        const hlc = `${String(ctx.now.getTime()).padStart(15, '0')}-${String(seq).padStart(6, '0')}-device`
        const fields = Object.entries(change.values)
        const baseVersions = Object.fromEntries(fields.map(([k]) => [k, null]))
        const changes = fields.map(([field, to]) => ({ field, from: null, to }))
        rows.push({
          statement: outbox,
          values: [
            seq,
            mutationId,
            change.entity,
            id,
            JSON.stringify(change.values),
            JSON.stringify(baseVersions),
            hlc,
            at,
          ],
        })
        rows.push({
          statement: history,
          values: [mutationId, change.entity, id, change.subjectId ?? id, JSON.stringify(changes), at, hlc],
        })
      }
    }
    const start = performance.now()
    client.transaction(() => {
      for (const { statement, values } of rows) statement.run(values)
    })()
    return since(start)
  } finally {
    client.close()
  }
}
