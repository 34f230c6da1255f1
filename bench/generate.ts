import { join } from 'node:path'
import Database from 'better-sqlite3'
import { getTableColumns } from 'drizzle-orm'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { newId } from '../db/ids'
import { openDatabase } from '../db/openDatabase'
import { replicatedTables } from '../db/replicatedTables'
import { demoPropertyRows } from '../domain/property/demoData'
import { initialTerritorialUnits } from '../domain/reference/rustaviUnits'
import { seedDemoProperty } from '../electron/backend/seed/demoProperty'
import { seedTerritorialUnits } from '../electron/backend/seed/territorialUnits'
import { type BenchContext, migrationsFolder } from './context'
import { formatCount, median, type Outcome, report, since } from './stats'

const TARGET_MS = 15_000

/**
 * Generating the demo store: the generator's rows bulk-loaded (indexes built after the rows) with the
 * search index built from them, against the same rows made beforehand and inserted the plainest
 * way, one prepared INSERT per row in one transaction with the schema's indexes in place and no
 * search index.
 */
export function generateBenchmark(ctx: BenchContext): Outcome {
  const store = ctx.store()
  const runs = Number.isNaN(store.generationMs) ? [] : [store.generationMs]
  const wanted = Math.max(1, Number(process.env.BENCH_GENERATE_RUNS ?? 3))
  while (runs.length < wanted) runs.push(seedFreshStore(ctx))

  const counts = store.db.$client
    .prepare(
      `SELECT (SELECT count(*) FROM property_object) AS objects,
        (SELECT count(*) FROM property_cadastral_code) AS codes,
        (SELECT count(*) FROM property_lease) AS leases,
        (SELECT count(*) FROM property_lease_payment) AS payments`,
    )
    .get() as Record<string, number>
  const rows = counts.objects! + counts.codes! + counts.leases! + counts.payments!

  const rawRuns = [0, 1, 2].map(() => rawInsert(ctx))
  return report(
    `generate: ${formatCount(ctx.objects)}-object demo store`,
    [
      {
        label: `seed time${runs.length > 1 ? ` (median of ${runs.length})` : ''}`,
        value: median(runs),
        target: (TARGET_MS * ctx.objects) / 100_000,
      },
    ],
    { label: `same ${formatCount(rows)} rows, plain INSERTs, 1 transaction`, value: median(rawRuns) },
    [
      `${formatCount(counts.objects!)} objects, ${formatCount(counts.codes!)} cadastral codes, ${formatCount(counts.leases!)} leases, ${formatCount(counts.payments!)} payments`,
      `seed: ${(((median(runs) * 1000) / rows) | 0).toLocaleString('en-US')} us per row including generation and the search index; raw: ${(((median(rawRuns) * 1000) / rows) | 0).toLocaleString('en-US')} us per row, rows made beforehand (median of 3)`,
    ],
  )
}

/** Another full seed into a fresh store, for BENCH_GENERATE_RUNS > 1. */
function seedFreshStore(ctx: BenchContext): number {
  const file = join(ctx.tempDir('generate'), 'rustavi.db')
  const db = openDatabase(file, { migrationsFolder })
  try {
    const start = performance.now()
    seedTerritorialUnits(db, ctx.now)
    seedDemoProperty(db, { objects: ctx.objects, today: ctx.now, seed: ctx.seed })
    return since(start)
  } finally {
    db.$client.close()
  }
}

/**
 * The physical limit: the generator's rows (made before the clock starts) inserted with plain
 * prepared statements in one transaction, synchronous=FULL, every index of the schema in place.
 */
function rawInsert(ctx: BenchContext): number {
  const file = join(ctx.tempDir('raw-generate'), 'rustavi.db')
  openDatabase(file, { migrationsFolder }).$client.close()
  const client = new Database(file)
  try {
    client.pragma('journal_mode = WAL')
    client.pragma('synchronous = FULL')
    client.pragma('foreign_keys = ON')
    const at = ctx.now.toISOString()
    const unit = client.prepare(
      `INSERT INTO territorial_unit (id, created_at, updated_at, updated_by, code, name_ka, name_en)
       VALUES (?, ?, ?, 'system', ?, ?, ?)`,
    )
    for (const u of initialTerritorialUnits) unit.run(u.id, at, at, u.code, u.nameKa, u.nameEn)
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
    const rows: { statement: Database.Statement; values: unknown[] }[] = []
    const unitIds = initialTerritorialUnits.map((u) => u.id)
    const options = { objects: ctx.objects, today: ctx.now, seed: ctx.seed, newId }
    for (const group of demoPropertyRows(unitIds, options)) {
      for (const change of group) {
        const { statement, keys } = prepared(change.entity)
        const row: Record<string, unknown> = { ...change.values, ...system, id: change.id }
        rows.push({ statement, values: keys.map((k) => row[k] ?? null) })
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
