import type Database from 'better-sqlite3'
import { outboxRowKey } from './rowState'

/**
 * The rows (`outboxRowKey`) that have an outbox row, for a run of pulled slices: a row outside the
 * set has no pending field, so its pulled change need not ask the outbox. Read whole at first, then
 * each call adds only the outbox rows saved since (a PC numbers its changes upwards): the clerks'
 * saves between two slices are a handful, while the outbox of a PC back after a week offline holds
 * thousands. Rows confirmed meanwhile stay in the set, which may hold more rows than the outbox,
 * never fewer. Only a new epoch numbers the outbox again from lower down (outbox.ts,
 * confirmedMutations.ts): then it is read whole again.
 */
export function outboxRowSet(client: Database.Database): () => ReadonlySet<string> {
  const since = client.prepare('SELECT seq, entity, row_id AS rowId FROM outbox WHERE seq > ? ORDER BY seq')
  const epochOf = client.prepare('SELECT epoch FROM device_state WHERE id = 1').pluck()
  let rows = new Set<string>()
  let lastSeq = Number.MIN_SAFE_INTEGER
  let epoch: unknown
  return () => {
    const now = epochOf.get()
    if (now !== epoch) {
      rows = new Set()
      lastSeq = Number.MIN_SAFE_INTEGER
      epoch = now
    }
    for (const r of since.all(lastSeq) as { seq: number; entity: string; rowId: string }[]) {
      rows.add(outboxRowKey(r.entity, r.rowId))
      lastSeq = r.seq
    }
    return rows
  }
}
