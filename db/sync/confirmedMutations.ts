import type Database from 'better-sqlite3'
import type { Db } from '../database'

// Outbox rows the server confirmed leave the outbox for `confirmed_mutation` instead of vanishing:
// if the server is later restored from a backup taken before it had them, they are all it has left
// of those changes, and they go to it again (see replayKeptChanges).

/** How long a confirmed change is kept: a server restore from a backup older than this loses it. */
export const CONFIRMED_RETENTION_DAYS = 60
const DAY_MS = 86_400_000

const COLUMNS = 'mutation_id, entity, row_id, op, fields, base_versions, hlc, user_id, created_at, change_seq'
const keep = (where: string) =>
  `INSERT OR REPLACE INTO confirmed_mutation (epoch, seq, confirmed_at, ${COLUMNS})
   SELECT coalesce((SELECT epoch FROM device_state WHERE id = 1), 0), o.seq,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ${COLUMNS.replaceAll(/(\w+)/g, 'o.$1')}
   FROM outbox o WHERE ${where}`

/**
 * A statement that moves one outbox row, by mutation id, to the confirmed changes (its effect came
 * back from the server at `changeSeq`); it returns how many rows moved (0 or 1). Callers hold a
 * transaction.
 */
export function confirmOutboxRow(
  client: Database.Database,
): (mutationId: string, changeSeq: number) => number {
  const place = client.prepare('UPDATE outbox SET change_seq = ? WHERE mutation_id = ?')
  const copy = client.prepare(keep('o.mutation_id = ?'))
  const remove = client.prepare('DELETE FROM outbox WHERE mutation_id = ?')
  return (mutationId, changeSeq) => {
    if (place.run(changeSeq, mutationId).changes === 0) return 0
    copy.run(mutationId)
    return remove.run(mutationId).changes
  }
}

/** Moves the outbox rows matching `where` (SQL over outbox `o`) to the confirmed changes. */
export function confirmOutboxRows(client: Database.Database, where: string, ...params: unknown[]): number {
  client.prepare(keep(where)).run(...params)
  return client
    .prepare(`DELETE FROM outbox WHERE seq IN (SELECT o.seq FROM outbox o WHERE ${where})`)
    .run(...params).changes
}

/** Drops confirmed changes older than the retention window; returns how many went. */
export function pruneConfirmed(db: Db, now: Date, days = CONFIRMED_RETENTION_DAYS): number {
  const before = new Date(now.getTime() - days * DAY_MS).toISOString()
  return db.$client.prepare('DELETE FROM confirmed_mutation WHERE confirmed_at < ?').run(before).changes
}

export function confirmedCount(db: Db): number {
  return db.$client.prepare('SELECT count(*) FROM confirmed_mutation').pluck().get() as number
}

/**
 * The server was restored from a backup: every change it may have lost goes to it again, under the
 * new device epoch from `firstSeq` on, in the order this PC first sent them (epoch, then sequence
 * number; the confirmed ones and the outbox together), all marked as replays: their base versions
 * name a log the restore threw away, and so do their change-log positions, kept so the server can
 * place them in it. Mutation ids stay, so the server skips what its backup had.
 */
export function replayKeptChanges(db: Db, epoch: number, firstSeq: number): number {
  const client = db.$client
  return client.transaction(() => {
    const current = (client.prepare('SELECT epoch FROM device_state WHERE id = 1').pluck().get() ??
      0) as number
    const kept = client
      .prepare('SELECT epoch, seq, mutation_id AS mutationId, 1 AS kept FROM confirmed_mutation')
      .all() as Sent[]
    const waiting = client
      .prepare('SELECT ? AS epoch, seq, mutation_id AS mutationId, 0 AS kept FROM outbox')
      .all(current) as Sent[]
    const order = [...kept, ...waiting].sort((a, b) => a.epoch - b.epoch || a.seq - b.seq || b.kept - a.kept)
    // Out of the way first (negative numbers no row has), then everything numbered in order.
    const park = client.prepare('UPDATE outbox SET seq = -seq - 1 WHERE seq >= 0')
    park.run()
    const restore = client.prepare(
      `INSERT INTO outbox (seq, ${COLUMNS}, state, sent_at, replay)
       SELECT ?, ${COLUMNS}, 'pending', NULL, 1 FROM confirmed_mutation WHERE mutation_id = ?`,
    )
    const move = client.prepare(
      "UPDATE outbox SET seq = ?, state = 'pending', sent_at = NULL, replay = 1 WHERE mutation_id = ?",
    )
    let seq = firstSeq
    for (const row of order) (row.kept ? restore : move).run(seq++, row.mutationId)
    client.prepare('DELETE FROM confirmed_mutation').run()
    client
      .prepare('UPDATE device_state SET epoch = ?, last_seq = ?, acknowledged_seq = ? WHERE id = 1')
      .run(epoch, seq - 1, firstSeq - 1)
    return seq - firstSeq
  })()
}

interface Sent {
  epoch: number
  seq: number
  mutationId: string
  kept: number
}
