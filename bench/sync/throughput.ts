import { sql } from 'drizzle-orm'
import pg from 'pg'
import { v7 as uuidv7 } from 'uuid'
import { demoUsers } from '../../domain/auth/demoUsers'
import type { Mutation, PushResponse } from '../../domain/sync/protocol'
import { encodeHlc } from '../../domain/time/hlc'
import { PUSH_BATCH } from '../../electron/backend/sync/engineRound'
import { createSyncHttpClient } from '../../electron/backend/sync/httpClient'
import type { BenchContext } from '../context'
import { formatCount, median, type Outcome, report, skipped } from '../stats'
import { loadPropertyDepartment, rowsOf } from './loadDepartment'
import { startBenchCluster } from './postgresCluster'
import { prepareDatabase, startServerProcess } from './serverUnderTest'

const PCS = 20
const TARGET_PER_S = 2_000

/**
 * The server on PostgreSQL (its own process, a pool of 10 connections) with 20 PCs pushing at once,
 * as after a network outage: each PC sends its outbox of BENCH_SYNC_PUSHES mutations (default 1,000)
 * in the engine's batches of 500, one batch after another, all PCs at the same time. Half are edits
 * of two fields of an existing object (with the base versions the PC saw), a quarter new objects
 * (unique inventory numbers checked), a quarter new payments of existing leases. Figure: applied
 * mutations per second over the whole storm (median of BENCH_SYNC_RUNS storms on fresh PCs). The
 * department holds BENCH_SYNC_THROUGHPUT_ROWS rows (default 100,000) so indexes have a real size.
 * Raw: 20 connections INSERTing the same number of rows into a plain table, one INSERT per row, one
 * transaction per batch of the same size.
 */
export async function syncThroughputBenchmark(ctx: BenchContext): Promise<Outcome> {
  const name = 'sync throughput: 20 PCs pushing at once to the server on PostgreSQL'
  const perPc = Number(process.env.BENCH_SYNC_PUSHES ?? 1_000)
  const runs = Number(process.env.BENCH_SYNC_RUNS ?? 3)
  const rows = Number(process.env.BENCH_SYNC_THROUGHPUT_ROWS ?? 100_000)
  const cluster = await startBenchCluster()
  if ('missing' in cluster) return skipped(name, cluster.missing)
  const rates: number[] = []
  const rawRates: number[] = []
  const notes: string[] = []
  try {
    const dir = ctx.tempDir('throughput')
    const prepared = await prepareDatabase('postgres', dir, cluster, ctx.now)
    await loadPropertyDepartment(prepared.ctx.db, { rows, today: ctx.now, seed: ctx.seed })
    const objects = rowsOf<{ id: string; seq: string }>(
      await prepared.ctx.db.execute(
        sql`SELECT id, created_seq AS seq FROM record WHERE entity = 'propertyObject' ORDER BY id LIMIT ${PCS * perPc * runs}`,
      ),
    )
    const leases = rowsOf<{ id: string }>(
      await prepared.ctx.db.execute(sql`SELECT id FROM record WHERE entity = 'propertyLease' ORDER BY id`),
    )
    const databaseUrl = prepared.env.BENCH_DATABASE_URL!
    await prepared.close()
    const server = await startServerProcess(prepared.env)
    const clerkId = demoUsers.find((u) => u.username === 'clerk')!.id
    try {
      for (let run = 0; run < runs; run++) {
        const pcs = await Promise.all(
          Array.from({ length: PCS }, (_, i) => pushingPc(server.url, prepared.demoCode, `PC ${run}-${i}`)),
        )
        const outboxes = pcs.map((pc, i) =>
          outboxOf(pc.deviceId, clerkId, perPc, (k) => {
            const n = (run * PCS + i) * perPc + k
            return { object: objects[n % objects.length]!, leaseId: leases[n % leases.length]!.id, n }
          }),
        )
        const start = performance.now()
        const results = await Promise.all(pcs.map((pc, i) => pc.pushAll(outboxes[i]!)))
        const seconds = (performance.now() - start) / 1000
        const flat = results.flat()
        const applied = flat.filter((r) => r.status === 'applied' || r.status === 'conflicted').length
        if (applied !== flat.length) {
          const refused = flat.find((r) => r.status === 'rejected')
          throw new Error(`${flat.length - applied} mutations were refused, e.g. ${JSON.stringify(refused)}`)
        }
        rates.push(applied / seconds)
        console.log(`   (storm ${run + 1}: ${formatCount(applied)} mutations in ${seconds.toFixed(2)} s)`)
      }
    } finally {
      await server.stop()
    }
    for (let run = 0; run < runs; run++) rawRates.push(await rawInserts(databaseUrl, perPc, run))
  } finally {
    await cluster.stop()
  }
  notes.push(`storms: ${rates.map((r) => formatCount(Math.round(r))).join(', ')} mutations/s`)
  notes.push(
    `${PCS} PCs x ${formatCount(perPc)} mutations in batches of ${PUSH_BATCH}; ${formatCount(rows)}-row department; server in its own process, PostgreSQL and the PCs on the same 2 shared cores`,
  )
  const perSecond = (v: number) => `${formatCount(Math.round(v))}/s`
  // report() wants "lower is better": the figure is the time per 1,000 mutations against its target.
  const msPerThousand = (rate: number) => 1_000_000 / rate
  return report(
    name,
    [
      {
        label: `applied mutations/s (median); as ms per 1,000`,
        value: msPerThousand(median(rates)),
        target: msPerThousand(TARGET_PER_S),
        format: (ms) => `${perSecond(1_000_000 / ms)}`,
      },
    ],
    {
      label: `raw INSERTs from ${PCS} connections`,
      value: msPerThousand(median(rawRates)),
      format: (ms) => `${perSecond(1_000_000 / ms)}`,
    },
    notes,
  )
}

interface PushingPc {
  deviceId: string
  /** Pushes the outbox in batches, in order, and returns every result. */
  pushAll(outbox: Mutation[]): Promise<PushResponse['results']>
}

/** A PC enrolled through the real route, pushing through the app's own HTTP client. */
async function pushingPc(serverUrl: string, code: string, deviceName: string): Promise<PushingPc> {
  let connection: { serverUrl: string; deviceId: string; deviceToken: string; epoch: number } | null = null
  const http = createSyncHttpClient({
    connection: () => (connection ? { ...connection, generation: null } : null),
    appVersion: '0.1.0',
    getSession: () => null,
    timeoutMs: 300_000,
  })
  const enrolled = await http.enrol(serverUrl, { code, deviceName, appVersion: '0.1.0' })
  connection = {
    serverUrl,
    deviceId: enrolled.deviceId,
    deviceToken: enrolled.deviceToken,
    epoch: enrolled.epoch,
  }
  return {
    deviceId: enrolled.deviceId,
    async pushAll(outbox) {
      const results: PushResponse['results'] = []
      for (let i = 0; i < outbox.length; i += PUSH_BATCH) {
        const response = await http.push({
          epoch: enrolled.epoch,
          mutations: outbox.slice(i, i + PUSH_BATCH),
        })
        results.push(...response.results)
      }
      return results
    },
  }
}

function outboxOf(
  deviceId: string,
  userId: string,
  count: number,
  pick: (k: number) => { object: { id: string; seq: string }; leaseId: string; n: number },
): Mutation[] {
  const now = Date.now()
  return Array.from({ length: count }, (_, k): Mutation => {
    const { object, leaseId, n } = pick(k)
    const common = {
      seq: k + 1,
      mutationId: uuidv7(),
      hlc: encodeHlc({ wallMs: now + k, counter: 0, deviceId }),
      userId,
      createdAt: new Date(now + k).toISOString(),
    }
    switch (k % 4) {
      case 0:
      case 1: {
        const base = Number(object.seq)
        return {
          ...common,
          entity: 'propertyObject',
          rowId: object.id,
          op: 'update',
          fields: { notes: `შემოწმდა ინვენტარიზაციისას ${n}`, marketValueTetri: 1_000_000 + n },
          baseVersions: { notes: base, marketValueTetri: base },
        }
      }
      case 2:
        return {
          ...common,
          entity: 'propertyObject',
          rowId: uuidv7(),
          op: 'insert',
          fields: newObject(n),
          baseVersions: {},
        }
      default:
        return {
          ...common,
          entity: 'propertyLeasePayment',
          rowId: uuidv7(),
          op: 'insert',
          fields: {
            leaseId,
            paidOn: '2026-01-15',
            amountTetri: 125_000,
            reference: `საგადახდო დავალება №${900_000 + n}`,
          },
          baseVersions: {},
        }
    }
  })
}

function newObject(n: number): Mutation['fields'] {
  return {
    inventoryNumber: `RST-2026-B${String(n).padStart(7, '0')}`,
    name: 'არასაცხოვრებელი ფართი',
    type: 'premises',
    propertyClass: 'additional',
    state: 'vacant',
    territorialUnitId: '0190a3c0-0000-7000-8000-000000000101',
    street: 'მშვიდობის ქუჩა',
    building: String(1 + (n % 160)),
    apartment: `ფართი №${1 + (n % 30)}`,
    postalCode: '3700',
    addressNote: '',
    areaSqm: 42.5,
    purpose: 'ოფისი',
    bookValueTetri: 4_250_000,
    marketValueTetri: null,
    acquiredOn: '2024-05-01',
    acquisitionMethod: 'purchase',
    acquisitionAct: '',
    custodian: 'ქონების მართვის სამსახური',
    notes: '',
  }
}

/** 20 connections, each INSERTing its rows one statement at a time, a transaction per batch. */
async function rawInserts(url: string, perPc: number, run: number): Promise<number> {
  const setup = new pg.Client({ connectionString: url })
  await setup.connect()
  await setup.query(
    'CREATE TABLE IF NOT EXISTS raw_mutation (id uuid PRIMARY KEY, device int NOT NULL, seq int NOT NULL, fields jsonb NOT NULL)',
  )
  await setup.end()
  const clients = await Promise.all(
    Array.from({ length: PCS }, async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      return client
    }),
  )
  const fields = JSON.stringify(newObject(run))
  const start = performance.now()
  await Promise.all(
    clients.map(async (client, device) => {
      for (let i = 0; i < perPc; i += PUSH_BATCH) {
        await client.query('BEGIN')
        for (let k = i; k < Math.min(perPc, i + PUSH_BATCH); k++) {
          await client.query({
            name: 'raw-insert',
            text: 'INSERT INTO raw_mutation (id, device, seq, fields) VALUES ($1, $2, $3, $4)',
            values: [uuidv7(), device, k, fields],
          })
        }
        await client.query('COMMIT')
      }
    }),
  )
  const rate = (PCS * perPc) / ((performance.now() - start) / 1000)
  await Promise.all(clients.map((c) => c.end()))
  return rate
}
