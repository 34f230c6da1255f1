import { sql } from 'drizzle-orm'
import { demoUsers } from '../../domain/auth/demoUsers'
import { PULL_PAGE, PULL_SLICE } from '../../electron/backend/sync/engineRound'
import type { BenchContext } from '../context'
import { formatCount, formatMs, median, type Outcome, percentile, report, since, skipped } from '../stats'
import { enrolBenchPc } from './benchPc'
import { profiled } from './cpuProfile'
import { loadPropertyDepartment } from './loadDepartment'
import { startBenchCluster } from './postgresCluster'
import { openRawConnection } from './rawStore'
import { savesMeanwhile } from './savesMeanwhile'
import { prepareDatabase, startServerProcess } from './serverUnderTest'

const TARGET_MS = 10_000
const BLOCK_TARGET_MS = 100
const WRITE_EVERY_MS = 20
/** The fields other PCs changed during the week, in turn. */
const FIELDS = ['notes', 'custodian', 'purpose', 'marketValueTetri'] as const
const COLUMNS: Record<(typeof FIELDS)[number], string> = {
  notes: 'notes',
  custodian: 'custodian',
  purpose: 'purpose',
  marketValueTetri: 'market_value_tetri',
}

/**
 * A PC back after a week offline: 100,000 remote field changes (patches of one field of the
 * department's objects by other PCs, ten to a server transaction, each with its origin mutation and
 * author, as the server's push leaves them in the change log) pulled and applied by one `runRound`
 * of the app's engine through the real server on PostgreSQL: pages of 1,000, field versions, pending
 * local fields, history entries, the search index, the cursor. Meanwhile a clerk saves an object
 * through the write path every 20 ms, each save arriving as a message (savesMeanwhile.ts); a save's
 * blocked time is from when it was due to when it finished. Median of BENCH_SYNC_RUNS catch-ups (each on freshly logged changes). The department
 * holds BENCH_SYNC_CATCHUP_ROWS rows (default 100,000), bootstrapped first (untimed).
 * Raw: the same 100,000 field values as plain `UPDATE property_object SET <field> = ? WHERE id = ?`,
 * 1,000 per transaction, on a plain connection to a store of the same size.
 */
export async function syncCatchupBenchmark(ctx: BenchContext): Promise<Outcome> {
  const name = 'sync catch-up: 100,000 remote field changes on a PC'
  const changes = Number(process.env.BENCH_SYNC_CHANGES ?? 100_000)
  const rows = Number(process.env.BENCH_SYNC_CATCHUP_ROWS ?? 100_000)
  const runs = Number(process.env.BENCH_SYNC_RUNS ?? 3)
  const cluster = await startBenchCluster()
  if ('missing' in cluster) return skipped(name, cluster.missing)
  const times: number[] = []
  const maxBlocked: number[] = []
  const p99Blocked: number[] = []
  let rawMs = Number.NaN
  try {
    const dir = ctx.tempDir('catchup')
    const prepared = await prepareDatabase('postgres', dir, cluster, ctx.now)
    await loadPropertyDepartment(prepared.ctx.db, { rows, today: ctx.now, seed: ctx.seed })
    const db = prepared.ctx.db
    const clerk = demoUsers.find((u) => u.username === 'clerk')!
    const server = await startServerProcess(prepared.env)
    try {
      const pc = await enrolBenchPc(ctx.tempDir('catchup-pc'), server.url, prepared.demoCode, 'PC catch-up')
      try {
        const bootstrapStart = performance.now()
        await pc.round()
        console.log(
          `   (bootstrapped ${formatCount(rows)} rows in ${formatMs(since(bootstrapStart))}, untimed)`,
        )
        const ids = (
          pc.db.$client.prepare('SELECT id FROM property_object ORDER BY id').all() as { id: string }[]
        ).map((r) => r.id)
        for (let run = 0; run < runs; run++) {
          await logRemoteChanges(db, changes, run, runs, clerk)
          // The clerk's saves: one due every WRITE_EVERY_MS, each handled when the loop gets to it.
          let blocked: number[] = []
          const clerkSaves = savesMeanwhile(WRITE_EVERY_MS, (k) => {
            const id = ids[(k * 7919) % ids.length]!
            pc.write({ userId: clerk.id, userName: clerk.fullName }, [
              { op: 'update', entity: 'propertyObject', id, values: { notes: `შემოწმდა ${run}-${k}` } },
            ])
          })
          const start = performance.now()
          // The saves stop with the round, also when it fails (its error, not theirs, is the news).
          const result = await profiled(`catchup-${run + 1}`, () => pc.round()).finally(() => {
            blocked = clerkSaves.stop()
          })
          const ms = since(start)
          if (result.kind !== 'done') throw new Error('the catch-up round did not finish')
          times.push(ms)
          maxBlocked.push(Math.max(...blocked))
          p99Blocked.push(percentile(blocked, 99))
          console.log(
            `   (catch-up ${run + 1}: ${formatMs(ms)}; ${blocked.length} saves meanwhile, longest wait ${formatMs(Math.max(...blocked))})`,
          )
        }
        rawMs = rawUpdates(pc.file, ids, changes)
      } finally {
        await pc.close()
      }
    } finally {
      await server.stop()
      await prepared.close()
    }
  } finally {
    await cluster.stop()
  }
  return report(
    name,
    [
      { label: 'catch-up, whole round (median)', value: median(times), target: TARGET_MS },
      { label: 'longest wait of a local save (median)', value: median(maxBlocked), target: BLOCK_TARGET_MS },
    ],
    { label: 'raw UPDATEs, 1,000 per transaction', value: rawMs },
    [
      `runs: ${times.map(formatMs).join(', ')}; longest waits ${maxBlocked.map(formatMs).join(', ')}; p99 waits ${p99Blocked.map(formatMs).join(', ')}`,
      `${formatCount(changes)} changes over the objects of a ${formatCount(rows)}-row department, pull pages of ${formatCount(PULL_PAGE)} applied in slices of ${formatCount(PULL_SLICE)}; server in its own process; 2 shared cores`,
    ],
  )
}

/**
 * Appends `count` one-field patches to the change log, as pushes of other PCs leave them (ten
 * mutations to a server transaction, each with its origin device, mutation and author), set-based.
 * As in the app, a transaction's time is when it committed (run `run` of `runs` is a week of them,
 * the weeks in order, the last ending now) and a mutation id is a PC's UUIDv7 (db/ids.ts) of about
 * that time: both grow with the log, as the indexes a PC keeps on them see them grow.
 * The records themselves are not rewritten: a pull reads only the change log.
 */
async function logRemoteChanges(
  db: import('../../server/context').ServerDb,
  count: number,
  run: number,
  runs: number,
  author: { id: string; fullName: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const locked = await tx.execute<{ seq: string }>(
      sql`UPDATE sync_counter SET seq = seq WHERE id = 1 RETURNING seq`,
    )
    const base = Number((locked as unknown as { rows: { seq: string }[] }).rows[0]!.seq)
    const fields = sql.raw(`ARRAY[${FIELDS.map((f) => `'${f}'`).join(', ')}]`)
    await tx.execute(sql`
      WITH objects AS (
        SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
        FROM record WHERE entity = 'propertyObject' AND scope = 'property'
      ), picks AS (
        SELECT g, (${fields})[1 + (g % ${FIELDS.length})] AS field, (g * 7 + ${run}) % (SELECT max(total) FROM objects) AS n,
               now() - interval '7 days' * (${runs - run}) + interval '7 days' * (((g - 1) / 10) * 10) / ${count} AS at
        FROM generate_series(1, ${count}) AS g
      )
      INSERT INTO change_log (seq, tx_seq, scope, entity, row_id, op, values, origin_device, origin_mutation, user_id, user_name, at)
      SELECT ${base}::bigint + g, ${base}::bigint + 1 + ((g - 1) / 10) * 10, 'property', 'propertyObject', o.id, 'patch',
             jsonb_build_object(p.field, CASE WHEN p.field = 'marketValueTetri' THEN to_jsonb(1000000 + g)
                                              ELSE to_jsonb('შეცვალა სხვა კომპიუტერმა ' || g) END),
             '0190a3c0-0000-7000-8000-00000000beef'::uuid,
             (lpad(to_hex(floor(extract(epoch FROM p.at) * 1000)::bigint), 12, '0') || '7'
               || substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid,
             ${author.id}::uuid, ${author.fullName}, p.at
      FROM picks p JOIN objects o ON o.n = p.n`)
    await tx.execute(sql`UPDATE sync_counter SET seq = seq + ${count} WHERE id = 1`)
  })
}

/** The same number of field values written the plainest way into the PC's store. */
function rawUpdates(pcFile: string, ids: readonly string[], count: number): number {
  const raw = openRawConnection(pcFile)
  try {
    const statements = FIELDS.map((f) =>
      raw.prepare(`UPDATE property_object SET ${COLUMNS[f]} = ? WHERE id = ?`),
    )
    const page = raw.transaction((from: number) => {
      for (let g = from; g < Math.min(count + 1, from + 1_000); g++) {
        const f = g % FIELDS.length
        const value = FIELDS[f] === 'marketValueTetri' ? 1_000_000 + g : `შეცვალა სხვა კომპიუტერმა ${g}`
        statements[f]!.run(value, ids[(g * 7) % ids.length]!)
      }
    })
    const start = performance.now()
    for (let from = 1; from <= count; from += 1_000) page(from)
    return since(start)
  } finally {
    raw.close()
  }
}
