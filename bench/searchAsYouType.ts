import { listPropertyObjects } from '../db/property/listObjects'
import { propertyMatchExpression } from '../db/property/searchIndex'
import { PropertyListQuery } from '../domain/property/views'
import type { BenchContext } from './context'
import { formatCount, median, type Outcome, percentile, report } from './stats'

const ROUNDS = 5

/** Every prefix of `text`, as the list search box sees it while a clerk types. */
const keystrokes = (text: string): string[] =>
  Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1))

/**
 * Search-as-you-type in the property list: every keystroke of a street name (Georgian, on a Latin
 * keyboard layout, romanised), an object name, a cadastral code, an inventory number and a tenant's
 * identification number is one `listPropertyObjects` call (count + first page of 100); against a
 * plain FTS5 MATCH count with the same expression.
 */
export function searchAsYouTypeBenchmark(ctx: BenchContext): Outcome {
  const store = ctx.store()
  const client = store.db.$client
  const pick = (sql: string) => String((client.prepare(sql).get() as { v: string } | undefined)?.v ?? '')
  // the same picks on every run of the same store: a third of the way through each table
  const code = pick(
    `SELECT code AS v FROM property_cadastral_code WHERE valid_to IS NULL ORDER BY rowid
     LIMIT 1 OFFSET (SELECT count(*) / 3 FROM property_cadastral_code)`,
  )
  const inventory = pick(
    'SELECT inventory_number AS v FROM property_object ORDER BY rowid LIMIT 1 OFFSET (SELECT count(*) / 3 FROM property_object)',
  )
  const tenantId = pick(
    'SELECT tenant_id_number AS v FROM property_lease ORDER BY rowid LIMIT 1 OFFSET (SELECT count(*) / 3 FROM property_lease)',
  )
  const typed = [
    ...keystrokes('რუსთაველის'),
    ...keystrokes('rusTavelis'),
    ...keystrokes('kostavas'),
    ...keystrokes('საბავშვო ბაღის'),
    ...keystrokes('XIV მიკრო'),
    ...keystrokes(code),
    ...keystrokes(inventory),
    ...keystrokes(tenantId),
  ]
  const count = client.prepare('SELECT count(*) AS n FROM property_search WHERE property_search MATCH ?')

  const p95s: number[] = []
  const rawP95s: number[] = []
  const byKeystroke = new Map<string, number[]>()
  for (let round = 0; round < ROUNDS; round++) {
    const times: number[] = []
    const rawTimes: number[] = []
    for (const search of typed) {
      const query = PropertyListQuery.parse({ search })
      const start = performance.now()
      listPropertyObjects(store.db, query, store.today)
      const ms = performance.now() - start
      times.push(ms)
      byKeystroke.set(search, [...(byKeystroke.get(search) ?? []), ms])

      const match = propertyMatchExpression(search)
      if (match === null) continue
      const rawStart = performance.now()
      count.get(match)
      rawTimes.push(performance.now() - rawStart)
    }
    p95s.push(percentile(times, 95))
    rawP95s.push(percentile(rawTimes, 95))
  }
  const slowest = [...byKeystroke]
    .map(([search, ms]) => ({ search, ms: median(ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
  return report(
    'search-as-you-type: listPropertyObjects with a search, per keystroke',
    [{ label: 'p95 per keystroke (median of rounds)', value: median(p95s), target: 20 }],
    { label: 'plain FTS5 MATCH count, p95', value: median(rawP95s) },
    [
      `${formatCount(typed.length)} keystrokes x ${ROUNDS} rounds; code ${code}, inventory ${inventory}, tenant ${tenantId}`,
      `slowest keystrokes (median): ${slowest.map((s) => `'${s.search}' ${s.ms.toFixed(1)} ms`).join(', ')}`,
    ],
  )
}
