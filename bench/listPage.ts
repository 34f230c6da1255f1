import { listPropertyObjects } from '../db/property/listObjects'
import { type PropertyListQuery as ListQueryInput, PropertyListQuery } from '../domain/property/views'
import type { BenchContext } from './context'
import { formatCount, median, type Outcome, percentile, report } from './stats'

const ROUNDS = 5

/**
 * One page of 100 rows of the property list, sorted and filtered as clerks do, at the top, in the
 * middle and at the very end of the list (count + page, as the list screen asks); against a plain
 * SELECT ordered by an indexed column with the same offsets.
 */
export function listPageBenchmark(ctx: BenchContext): Outcome {
  const store = ctx.store()
  const client = store.db.$client
  const n = ctx.objects
  const unitId = (
    client.prepare('SELECT id FROM territorial_unit ORDER BY code LIMIT 1 OFFSET 3').get() as {
      id: string
    }
  ).id
  const deep = (fraction: number) => Math.max(0, Math.floor(n * fraction) - 100)
  const queries: ListQueryInput[] = [
    { sort: 'inventoryNumber', offset: 0 },
    { sort: 'inventoryNumber', offset: deep(0.5) },
    { sort: 'inventoryNumber', offset: deep(1) },
    { sort: 'inventoryNumber', direction: 'desc', offset: deep(0.9) },
    { sort: 'name', offset: 0 },
    { sort: 'name', direction: 'desc', offset: deep(0.6) },
    { sort: 'address', offset: deep(0.3) },
    { sort: 'address', direction: 'desc', offset: deep(1) },
    { sort: 'areaSqm', direction: 'desc', offset: 0 },
    { sort: 'bookValueTetri', offset: deep(0.9) },
    { sort: 'updatedAt', direction: 'desc', offset: 0 },
    { sort: 'type', offset: deep(0.7) },
    { sort: 'state', offset: deep(0.4) },
    { type: 'premises', sort: 'name', offset: 0 },
    { type: 'premises', sort: 'name', offset: deep(0.1) },
    { state: 'leased', sort: 'address', offset: 0 },
    { state: 'leased', sort: 'inventoryNumber', offset: deep(0.1) },
    { territorialUnitId: unitId, sort: 'inventoryNumber', offset: deep(0.05) },
    { territorialUnitId: unitId, sort: 'bookValueTetri', direction: 'desc', offset: 0 },
    { type: 'land', state: 'vacant', sort: 'areaSqm', direction: 'desc', offset: 0 },
    { type: 'movable', state: 'writtenOff', sort: 'bookValueTetri', offset: deep(0.02) },
    { type: 'building', territorialUnitId: unitId, sort: 'name', offset: 0 },
  ]
  const parsed = queries.map((q) => PropertyListQuery.parse({ ...q, limit: 100 }))
  const rawPage = client.prepare(
    'SELECT id, inventory_number, name, type, state FROM property_object WHERE deleted_at IS NULL ORDER BY inventory_number LIMIT 100 OFFSET ?',
  )

  const p95s: number[] = []
  const rawP95s: number[] = []
  const byQuery = parsed.map(() => [] as number[])
  for (let round = 0; round < ROUNDS; round++) {
    const times: number[] = []
    const rawTimes: number[] = []
    parsed.forEach((query, i) => {
      const start = performance.now()
      listPropertyObjects(store.db, query, store.today)
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
  const describeQuery = (q: (typeof parsed)[number]) =>
    [q.type, q.state, q.territorialUnitId ? 'unit' : null, `${q.sort} ${q.direction}`, `@${q.offset}`]
      .filter(Boolean)
      .join(' ')
  const slowest = byQuery
    .map((ms, i) => ({ query: describeQuery(parsed[i]!), ms: median(ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
  return report(
    'list page: a sorted, filtered page of 100 rows',
    [{ label: 'p95 per page (median of rounds)', value: median(p95s), target: 20 }],
    { label: 'plain SELECT ORDER BY indexed column LIMIT 100, p95', value: median(rawP95s) },
    [
      `${formatCount(parsed.length)} sort/filter/offset combinations x ${ROUNDS} rounds`,
      `slowest (median): ${slowest.map((s) => `${s.query} ${s.ms.toFixed(1)} ms`).join('; ')}`,
    ],
  )
}
