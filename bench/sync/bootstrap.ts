import { join } from 'node:path'
import { SNAPSHOT_PAGE } from '../../electron/backend/sync/engineRound'
import type { BenchContext } from '../context'
import { formatCount, formatMs, median, type Outcome, report, since, skipped } from '../stats'
import { enrolBenchPc } from './benchPc'
import { profiled } from './cpuProfile'
import { loadPropertyDepartment } from './loadDepartment'
import { startBenchCluster } from './postgresCluster'
import { openRawStore, rawInsertDemoRows } from './rawStore'
import { type Engine, prepareDatabase, startServerProcess } from './serverUnderTest'

const TARGET_MS_PER_MILLION = 60_000

/**
 * A fresh PC bootstrapping a 1,000,000-row property department through the real HTTP server (its
 * own process) on PostgreSQL, end to end: hello, the reference and property snapshots page by page
 * (download, protocol validation, apply with field versions and the search index, cursor), the
 * pull after them and the number leases: one `runRound` of the app's engine. Median of
 * BENCH_SYNC_RUNS fresh PCs against one loaded server. The same on PGlite, for information.
 * The target (60 s) is for 1,000,000 rows and scales with BENCH_SYNC_ROWS.
 * Raw: the same number of demo rows INSERTed with plain prepared statements, one transaction per
 * page, into a migrated store on a plain connection.
 */
export async function syncBootstrapBenchmark(ctx: BenchContext): Promise<Outcome> {
  const name = 'sync bootstrap: 1,000,000 rows of one department to a fresh PC'
  const rows = Number(process.env.BENCH_SYNC_ROWS ?? 1_000_000)
  const runs = Number(process.env.BENCH_SYNC_RUNS ?? 3)
  const engines = (process.env.BENCH_SYNC_ENGINES ?? 'postgres,pglite').split(',') as Engine[]
  const cluster = await startBenchCluster()
  if ('missing' in cluster && engines.includes('postgres')) return skipped(name, cluster.missing)
  const results = new Map<Engine, number[]>()
  const notes: string[] = []
  try {
    for (const engine of engines) {
      const dir = ctx.tempDir(`bootstrap-${engine}`)
      const prepared = await prepareDatabase(engine, dir, 'missing' in cluster ? null : cluster, ctx.now)
      console.log(`\n(loading ${formatCount(rows)} property rows into ${engine} ...)`)
      const loaded = await loadPropertyDepartment(prepared.ctx.db, { rows, today: ctx.now, seed: ctx.seed })
      console.log(
        `(loaded ${formatCount(loaded.rows)} rows, ${formatCount(loaded.objects)} objects, in ${formatMs(loaded.ms)}: ${JSON.stringify(loaded.byEntity)})`,
      )
      await prepared.close()
      const server = await startServerProcess(prepared.env)
      const times: number[] = []
      try {
        for (let run = 0; run < runs; run++) {
          const pc = await enrolBenchPc(
            ctx.tempDir(`pc-${engine}`),
            server.url,
            prepared.demoCode,
            `PC ${run}`,
          )
          try {
            const start = performance.now()
            const result = await profiled(`bootstrap-${engine}-${run + 1}`, () => pc.round())
            const ms = since(start)
            const count = countPropertyRows(pc.db.$client)
            if (result.kind !== 'done' || count !== loaded.rows) {
              throw new Error(`bootstrap on ${engine} ended with ${count} rows of ${loaded.rows}`)
            }
            times.push(ms)
            console.log(
              `   (${engine} run ${run + 1}: ${formatMs(ms)}, ${formatCount(Math.round(count / (ms / 1000)))} rows/s)`,
            )
          } finally {
            await pc.close()
          }
        }
      } finally {
        await server.stop()
      }
      results.set(engine, times)
    }
  } finally {
    if (!('missing' in cluster)) await cluster.stop()
  }

  const rawFile = join(ctx.tempDir('bootstrap-raw'), 'rustavi.db')
  const raw = openRawStore(rawFile)
  const rawMs = rawInsertDemoRows(raw, rows, SNAPSHOT_PAGE, ctx.now)
  raw.close()

  const pg = results.get('postgres')
  const lite = results.get('pglite')
  if (lite) {
    notes.push(
      `PGlite (embedded): ${formatMs(median(lite))} median of ${lite.length} (${lite.map(formatMs).join(', ')}), ${(median(lite) / rawMs).toFixed(1)}x raw`,
    )
  }
  if (pg) notes.push(`PostgreSQL runs: ${pg.map(formatMs).join(', ')}`)
  notes.push(
    `${formatCount(rows)} rows (objects, cadastral codes, leases, payments of the demo generator); snapshot pages of ${formatCount(SNAPSHOT_PAGE)}; server in its own process; 2 shared cores`,
  )
  const figure = pg ?? lite ?? []
  return report(
    name,
    [
      {
        label: `end to end on ${pg ? 'PostgreSQL' : 'PGlite'} (median)`,
        value: median(figure),
        target: (TARGET_MS_PER_MILLION * rows) / 1_000_000,
      },
    ],
    { label: `raw INSERTs, ${formatCount(SNAPSHOT_PAGE)} per transaction`, value: rawMs },
    notes,
  )
}

function countPropertyRows(client: import('better-sqlite3').Database): number {
  const tables = ['property_object', 'property_cadastral_code', 'property_lease', 'property_lease_payment']
  return tables.reduce(
    (sum, t) => sum + (client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    0,
  )
}
