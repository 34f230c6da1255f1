import { Mutation } from '../../domain/sync/protocol'
import type { Db } from '../database'
import { receivedBefore } from './receivedBefore'
import { SyncDataError } from './syncDataError'

interface OutboxRow {
  seq: number
  mutationId: string
  entity: string
  rowId: string
  op: Mutation['op']
  fields: string
  baseVersions: string
  hlc: string
  userId: string
  createdAt: string
  replay: number
  changeSeq: number | null
}

/**
 * Outbox rows the server has not confirmed yet (pending and sent; confirmed ones are kept apart in
 * confirmed_mutation), in device-sequence order, as protocol mutations. `afterSeq` skips the rows
 * the server says it has applied already.
 */
export function readOutbox(db: Db, options: { limit: number; afterSeq?: number }): Mutation[] {
  const rows = db.$client
    .prepare(
      `SELECT seq, mutation_id AS mutationId, entity, row_id AS rowId, op, fields, base_versions AS baseVersions,
         hlc, user_id AS userId, created_at AS createdAt, replay, change_seq AS changeSeq
       FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?`,
    )
    .all(options.afterSeq ?? 0, options.limit) as OutboxRow[]
  return rows.map((row) =>
    toMutation(row, row.replay ? receivedBefore(db.$client, row.mutationId, row.entity, row.rowId) : []),
  )
}

function toMutation(row: OutboxRow, seen: string[]): Mutation {
  const bases = JSON.parse(row.baseVersions) as Record<string, unknown>
  // Rows saved before versions were server sequence numbers carry HLC text: "based on nothing known".
  const baseVersions = Object.fromEntries(
    Object.entries(bases).map(([field, v]) => [field, typeof v === 'number' ? v : null]),
  )
  const parsed = Mutation.safeParse({
    seq: row.seq,
    mutationId: row.mutationId,
    entity: row.entity,
    rowId: row.rowId,
    op: row.op,
    fields: JSON.parse(row.fields),
    baseVersions,
    hlc: row.hlc,
    userId: row.userId,
    createdAt: row.createdAt,
    ...(row.replay ? { replay: true } : {}),
    ...(row.replay && row.changeSeq !== null ? { changeSeq: row.changeSeq } : {}),
    ...(seen.length > 0 ? { seen } : {}),
  })
  if (!parsed.success) {
    throw new SyncDataError(
      'INVALID_OUTBOX',
      `outbox row ${row.seq} is not a valid mutation: ${parsed.error.message}`,
    )
  }
  return parsed.data
}

/** Rows up to `seq` that the server reports as applied (a 409 gap said so) wait for their pull. */
export function markSentUpTo(db: Db, seq: number, at: Date): number {
  return db.$client
    .prepare("UPDATE outbox SET state = 'sent', sent_at = ? WHERE seq <= ? AND state = 'pending'")
    .run(at.toISOString(), seq).changes
}

export function outboxCounts(db: Db): { pending: number; unconfirmed: number; needsAttention: number } {
  const client = db.$client
  const counts = client
    .prepare("SELECT count(*) AS unconfirmed, coalesce(sum(state = 'pending'), 0) AS pending FROM outbox")
    .get() as { unconfirmed: number; pending: number }
  const needsAttention = client
    .prepare('SELECT count(*) FROM sync_rejected WHERE resolution IS NULL')
    .pluck()
    .get() as number
  return { ...counts, needsAttention }
}

/**
 * A new device epoch (the PC was restored from a backup, or the server was): every unconfirmed row
 * is pushed again under the new epoch, numbered from `firstSeq` on in the same order. Mutation ids
 * stay, so the server recognises a change it already has.
 */
export function renumberOutboxForEpoch(db: Db, epoch: number, firstSeq: number): void {
  const client = db.$client
  client.transaction(() => {
    const seqs = client.prepare('SELECT seq FROM outbox ORDER BY seq').pluck().all() as number[]
    // Two steps (through negative numbers no row has) so no renumbered row collides with another.
    const move = client.prepare("UPDATE outbox SET seq = ?, state = 'pending', sent_at = NULL WHERE seq = ?")
    for (const [i, seq] of seqs.entries()) move.run(-1 - i, seq)
    for (const i of seqs.keys()) move.run(firstSeq + i, -1 - i)
    client
      .prepare('UPDATE device_state SET epoch = ?, last_seq = ?, acknowledged_seq = ? WHERE id = 1')
      .run(epoch, firstSeq + seqs.length - 1, firstSeq - 1)
  })()
}
