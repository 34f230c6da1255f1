import Database from 'better-sqlite3'
import { systemActor } from '../electron/backend/seed/territorialUnits'
import type { BenchContext } from './context'
import { formatCount, median, type Outcome, percentile, report } from './stats'

const ROUNDS = 5
const WRITES_PER_ROUND = 400

/**
 * A clerk saving an object: one update through the write path (the row, its outbox row, its history
 * entry and the search index, in one transaction, synchronous=FULL), many times, one at a time;
 * against a plain UPDATE of one row in its own transaction on a second connection.
 */
export function localWriteBenchmark(ctx: BenchContext): Outcome {
  const store = ctx.store()
  const client = store.db.$client
  const ids = (
    client
      .prepare('SELECT id FROM property_object ORDER BY random() LIMIT ?')
      .all(ROUNDS * WRITES_PER_ROUND * 2) as { id: string }[]
  ).map((r) => r.id)
  const raw = new Database(store.file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = FULL')
  const rawUpdate = raw.prepare('UPDATE property_object SET notes = ?, market_value_tetri = ? WHERE id = ?')
  const rawWrite = raw.transaction((id: string, notes: string, value: number) =>
    rawUpdate.run(notes, value, id),
  )

  const p50s: number[] = []
  const p99s: number[] = []
  const rawP50s: number[] = []
  const rawP99s: number[] = []
  let next = 0
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const times: number[] = []
      for (let i = 0; i < WRITES_PER_ROUND; i++) {
        const id = ids[next++]!
        const start = performance.now()
        store.write(systemActor, [
          {
            op: 'update',
            entity: 'propertyObject',
            id,
            values: { notes: `შემოწმდა ${round}-${i}`, marketValueTetri: 1_000_000 + i },
          },
        ])
        times.push(performance.now() - start)
      }
      p50s.push(percentile(times, 50))
      p99s.push(percentile(times, 99))

      const rawTimes: number[] = []
      for (let i = 0; i < WRITES_PER_ROUND; i++) {
        const id = ids[next++]!
        const start = performance.now()
        rawWrite(id, `შემოწმდა ${round}-${i}`, 1_000_000 + i)
        rawTimes.push(performance.now() - start)
      }
      rawP50s.push(percentile(rawTimes, 50))
      rawP99s.push(percentile(rawTimes, 99))
    }
  } finally {
    raw.close()
  }
  return report(
    'local write: one object update through the write path',
    [
      { label: 'p50 per write (median of rounds)', value: median(p50s), target: 1 },
      { label: 'p99 per write (median of rounds)', value: median(p99s), target: 10 },
    ],
    { label: 'plain UPDATE in its own transaction, p50', value: median(rawP50s) },
    [
      `${ROUNDS} rounds x ${formatCount(WRITES_PER_ROUND)} writes on random objects of the generated store, interleaved with the raw rounds`,
      `raw p99 ${median(rawP99s).toFixed(2)} ms; write path p50 by round: ${p50s.map((v) => v.toFixed(2)).join(', ')} ms`,
    ],
  )
}
