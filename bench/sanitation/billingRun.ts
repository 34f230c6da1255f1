import Database from 'better-sqlite3'
import { v7 as uuidv7 } from 'uuid'
import { runBilling } from '../../db/sanitation/billingRun'
import { loadChargeRules, payersForBilling } from '../../db/sanitation/rules'
import { planBilling } from '../../domain/sanitation/billing'
import { periodOfDate } from '../../domain/sanitation/period'
import type { BenchContext } from '../context'
import { formatCount, median, type Outcome, report } from '../stats'
import { benchPayers, sanitationStore } from './store'

const ROUNDS = 3
const actor = { userId: 'bench-head', userName: 'Bench Head' }

/**
 * The monthly billing run for every payer of the city (50,000): planning, then the charge lines
 * written through the write path in batches with their outbox rows, history and account summaries;
 * against the same lines, outbox rows and history rows inserted with plain prepared statements in one
 * transaction on a fresh copy of the same store.
 */
export async function sanitationBillingBenchmark(ctx: BenchContext): Promise<Outcome> {
  const times: number[] = []
  const rawTimes: number[] = []
  let lines = 0
  for (let round = 0; round < ROUNDS; round++) {
    const store = sanitationStore(ctx)
    const scope = { period: periodOfDate(store.today), territorialUnitId: null }
    try {
      const start = performance.now()
      const result = await runBilling(store.db, store.write, actor, scope, () => store.now)
      times.push(performance.now() - start)
      lines = result.lineCount
    } finally {
      store.dispose()
    }
    const rawStore = sanitationStore(ctx)
    try {
      rawTimes.push(rawBilling(rawStore.file, rawStore, scope.period))
    } finally {
      rawStore.dispose()
    }
  }
  return report(
    `sanitation billing run: ${formatCount(benchPayers())} payers`,
    [{ label: 'run (plan + lines + outbox + history), median', value: median(times), target: 3_000 }],
    { label: 'raw INSERT of lines + outbox + history, median', value: median(rawTimes) },
    [
      `${formatCount(lines)} charge lines per run, batches of 5,000; ${ROUNDS} rounds, each on a fresh copy`,
      `rounds: ${times.map((t) => t.toFixed(0)).join(', ')} ms; raw: ${rawTimes.map((t) => t.toFixed(0)).join(', ')} ms`,
    ],
  )
}

/** The same rows with plain SQL (the plan is made before the clock starts: only the writing is timed). */
function rawBilling(file: string, store: ReturnType<typeof sanitationStore>, period: string): number {
  const billingRunId = uuidv7()
  const plan = planBilling(
    { period, territorialUnitId: null, billingRunId, issuedOn: store.today },
    payersForBilling(store.db, null),
    loadChargeRules(store.db),
    [],
  )
  store.db.$client.close()
  const raw = new Database(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = FULL')
  const fields = Object.keys(plan.lines[0] ?? {})
  const columns = fields.map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))
  const insertLine = raw.prepare(
    `INSERT INTO sanitation_charge_line (id, version, field_versions, created_at, updated_at, updated_by, ${columns.join(', ')})
     VALUES (?, 1, '{}', ?, ?, ?, ${columns.map(() => '?').join(', ')})`,
  )
  const insertOutbox = raw.prepare(
    `INSERT INTO outbox (seq, mutation_id, entity, row_id, op, fields, base_versions, hlc, user_id, created_at)
     VALUES (?, ?, 'sanitationChargeLine', ?, 'insert', ?, '{}', ?, ?, ?)`,
  )
  const insertHistory = raw.prepare(
    `INSERT INTO record_history (mutation_id, entity, row_id, subject_id, op, changes, user_id, user_name, at, hlc)
     VALUES (?, 'sanitationChargeLine', ?, ?, 'insert', ?, ?, ?, ?, ?)`,
  )
  const at = store.now.toISOString()
  const start = performance.now()
  raw.transaction(() => {
    raw
      .prepare(
        `INSERT INTO sanitation_billing_run (id, version, field_versions, created_at, updated_at, updated_by, period,
           state, payer_count, line_count, total_tetri, started_by, started_at, reversed_by, reversal_reason)
         VALUES (?, 1, '{}', ?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?, '', '')`,
      )
      .run(
        billingRunId,
        at,
        at,
        actor.userId,
        period,
        plan.payerCount,
        plan.lines.length,
        plan.totalTetri,
        actor.userName,
        at,
      )
    let seq = 0
    for (const line of plan.lines) {
      seq += 1
      const id = uuidv7()
      const mutation = uuidv7()
      const hlc = `${String(seq).padStart(16, '0')}`
      const values = fields.map((f) => (line as unknown as Record<string, unknown>)[f])
      insertLine.run(id, at, at, actor.userId, ...values)
      const json = JSON.stringify(line)
      insertOutbox.run(seq, mutation, id, json, hlc, actor.userId, at)
      insertHistory.run(mutation, id, line.payerId, json, actor.userId, actor.userName, at, hlc)
    }
  })()
  const ms = performance.now() - start
  raw.close()
  return ms
}
