import pg from 'pg'
import type { BenchContext } from '../context'
import { formatCount, formatMs, type Outcome, percentile, report, since, skipped } from '../stats'
import { type BenchPc, enrolBenchPc } from './benchPc'
import { loadPropertyDepartment } from './loadDepartment'
import { startBenchCluster } from './postgresCluster'
import { prepareDatabase, startServerProcess } from './serverUnderTest'

const TARGET_P95_MS = 500
const EDITS = Number(process.env.BENCH_SYNC_EDITS ?? 60)
const PAUSE_MS = 150

/**
 * Two online PCs of the property department on the real server (PostgreSQL, its own process), each
 * running the app's sync engine with its poke stream. A clerk on PC A saves an object (write path),
 * and A's engine is asked for a round (see the note: the app does not yet do this by itself after a
 * save); the figure is the time from the save until the new value is in PC B's store (push, commit,
 * NOTIFY, server-sent poke, B's pull and apply), p95 of BENCH_SYNC_EDITS edits (default 60).
 * Raw: the same hop done plainly through the same PostgreSQL: INSERT + NOTIFY on one connection,
 * LISTEN and a SELECT of the row on another.
 */
export async function syncVisibleBenchmark(ctx: BenchContext): Promise<Outcome> {
  const name = 'sync live: an edit on one online PC visible on another'
  const cluster = await startBenchCluster()
  if ('missing' in cluster) return skipped(name, cluster.missing)
  const latencies: number[] = []
  let rawLatencies: number[] = []
  try {
    const dir = ctx.tempDir('visible')
    const prepared = await prepareDatabase('postgres', dir, cluster, ctx.now)
    await loadPropertyDepartment(prepared.ctx.db, { rows: 20_000, today: ctx.now, seed: ctx.seed })
    const url = prepared.env.BENCH_DATABASE_URL!
    await prepared.close()
    const server = await startServerProcess(prepared.env)
    const pcs: BenchPc[] = []
    const engines: { stop(): Promise<void> }[] = []
    try {
      for (const label of ['A', 'B']) {
        const pc = await enrolBenchPc(
          ctx.tempDir(`visible-${label}`),
          server.url,
          prepared.demoCode,
          `PC ${label}`,
        )
        pcs.push(pc)
        await pc.round()
      }
      const [a, b] = pcs as [BenchPc, BenchPc]
      const engineA = a.engine()
      const engineB = b.engine()
      engines.push(engineA, engineB)
      engineA.start()
      engineB.start()
      await new Promise((resolve) => setTimeout(resolve, 1_000)) // both poke streams open
      const ids = (
        a.db.$client.prepare('SELECT id FROM property_object ORDER BY id LIMIT ?').all(EDITS) as {
          id: string
        }[]
      ).map((r) => r.id)
      const readB = b.db.$client.prepare('SELECT notes FROM property_object WHERE id = ?')
      for (let i = 0; i < EDITS; i++) {
        const id = ids[i % ids.length]!
        const notes = `ცოცხალი ცვლილება ${i}`
        const start = performance.now()
        a.write({ userId: a.userId, userName: 'ნინო კაპანაძე' }, [
          { op: 'update', entity: 'propertyObject', id, values: { notes } },
        ])
        void engineA.syncNow()
        while ((readB.get(id) as { notes: string }).notes !== notes) {
          if (since(start) > 30_000) throw new Error(`edit ${i} did not reach PC B within 30 s`)
          await new Promise((resolve) => setTimeout(resolve, 2))
        }
        latencies.push(since(start))
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
      }
    } finally {
      for (const engine of engines) await engine.stop()
      for (const pc of pcs) await pc.close()
      await server.stop()
    }
    rawLatencies = await rawHops(url, EDITS)
  } finally {
    await cluster.stop()
  }
  return report(
    name,
    [
      {
        label: 'save on A until the value is on B, p95',
        value: percentile(latencies, 95),
        target: TARGET_P95_MS,
      },
    ],
    { label: 'INSERT+NOTIFY -> LISTEN+SELECT, p95', value: percentile(rawLatencies, 95) },
    [
      `p50 ${formatMs(percentile(latencies, 50))}, p99 ${formatMs(percentile(latencies, 99))}, max ${formatMs(Math.max(...latencies))} over ${formatCount(latencies.length)} edits; raw p50 ${formatMs(percentile(rawLatencies, 50))}`,
      'both PCs run in this process (one event loop), the server in its own; the bench asks A for a round after each save',
    ],
  )
}

async function rawHops(url: string, count: number): Promise<number[]> {
  const writer = new pg.Client({ connectionString: url })
  const reader = new pg.Client({ connectionString: url })
  await writer.connect()
  await reader.connect()
  try {
    await writer.query('CREATE TABLE IF NOT EXISTS raw_edit (id int PRIMARY KEY, notes text NOT NULL)')
    await reader.query('LISTEN raw_edit')
    const times: number[] = []
    for (let i = 0; i < count; i++) {
      const seen = new Promise<void>((resolve) =>
        reader.once('notification', async (message) => {
          await reader.query('SELECT notes FROM raw_edit WHERE id = $1', [Number(message.payload)])
          resolve()
        }),
      )
      const start = performance.now()
      await writer.query('BEGIN')
      await writer.query('INSERT INTO raw_edit (id, notes) VALUES ($1, $2)', [i, `ცვლილება ${i}`])
      await writer.query(`SELECT pg_notify('raw_edit', $1)`, [String(i)])
      await writer.query('COMMIT')
      await seen
      times.push(since(start))
    }
    return times
  } finally {
    await writer.end()
    await reader.end()
  }
}
