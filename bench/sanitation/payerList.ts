import { listPayers } from '../../db/sanitation/listPayers'
import { PayerListQuery } from '../../domain/sanitation/views'
import type { BenchContext } from '../context'
import { formatCount, median, type Outcome, percentile, report } from '../stats'
import { benchPayers, sanitationStore } from './store'

const ROUNDS = 3

/**
 * A page of 100 payers with their balances, sorted by arrears (largest first, as the list opens)
 * and otherwise as clerks sort and filter, at the top, the middle and the end of 50,000 payers
 * (count + page); against a plain SELECT of the account table ordered by its arrears index.
 */
export function sanitationPayerListBenchmark(ctx: BenchContext): Outcome {
  const store = sanitationStore(ctx)
  try {
    const client = store.db.$client
    const n = benchPayers()
    const unitId = client
      .prepare('SELECT id FROM territorial_unit ORDER BY code LIMIT 1 OFFSET 3')
      .pluck()
      .get()
    const deep = (fraction: number) => Math.max(0, Math.floor(n * fraction) - 100)
    const queries = [
      {},
      { offset: deep(0.5) },
      { offset: deep(1) },
      { direction: 'asc', offset: deep(0.9) },
      { kind: 'organisation' },
      { kind: 'household', offset: deep(0.6) },
      { territorialUnitId: unitId },
      { territorialUnitId: unitId, offset: deep(0.08) },
      { territorialUnitId: unitId, kind: 'household', offset: deep(0.05) },
      { sort: 'balance', offset: deep(0.3) },
      { sort: 'name', direction: 'asc', offset: deep(0.7) },
      { sort: 'paymentCode', direction: 'asc', offset: 0 },
      { search: 'megobr' },
      { search: 'ნინო', territorialUnitId: unitId },
    ].map((q) => PayerListQuery.parse({ ...q, limit: 100 }))
    const rawPage = client.prepare(
      `SELECT payer_id, name, payment_code, balance_tetri, arrears_tetri FROM sanitation_payer_account
       ORDER BY arrears_tetri DESC LIMIT 100 OFFSET ?`,
    )
    const p95s: number[] = []
    const rawP95s: number[] = []
    const byQuery = queries.map(() => [] as number[])
    for (let round = 0; round < ROUNDS; round++) {
      const times: number[] = []
      const rawTimes: number[] = []
      queries.forEach((query, i) => {
        const start = performance.now()
        listPayers(store.db, query, store.today)
        const ms = performance.now() - start
        times.push(ms)
        byQuery[i]!.push(ms)
        const rawStart = performance.now()
        rawPage.all(query.offset)
        rawTimes.push(performance.now() - rawStart)
      })
      p95s.push(percentile(times, 95))
      rawP95s.push(percentile(rawTimes, 95))
    }
    const describeQuery = (q: (typeof queries)[number]) =>
      [
        q.kind,
        q.territorialUnitId ? 'unit' : null,
        q.search ? `"${q.search}"` : null,
        `${q.sort} ${q.direction}`,
        `@${q.offset}`,
      ]
        .filter(Boolean)
        .join(' ')
    const slowest = byQuery
      .map((ms, i) => ({ query: describeQuery(queries[i]!), ms: median(ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 4)
    return report(
      `sanitation payer list: ${formatCount(n)} payers with balances`,
      [{ label: 'p95 per page (median of rounds)', value: median(p95s), target: 30 }],
      { label: 'plain SELECT ORDER BY arrears LIMIT 100, p95', value: median(rawP95s) },
      [
        `${queries.length} sort/filter/search/offset combinations x ${ROUNDS} rounds`,
        `slowest (median): ${slowest.map((s) => `${s.query} ${s.ms.toFixed(1)} ms`).join('; ')}`,
      ],
    )
  } finally {
    store.dispose()
  }
}
