import { v7 as uuidv7 } from 'uuid'
import type { MutationResult, ServerRow } from '../../domain/sync/protocol'
import type { Db } from '../database'
import { withGateOpen } from '../writeGuard'
import type { DerivedIndex, Written } from '../writePath'
import { pendingFields } from './pendingFields'
import { isReferenced, replicaTable } from './replicaTable'
import { writeServerState } from './rowState'
import { subjectOf } from './subjects'

export interface PushOutcome {
  sent: number
  rejected: number
}

/**
 * Records the server's answer to a push, in one transaction. Applied and conflicted rows stay in
 * the outbox as 'sent' until their effect comes back by pull. A rejected row moves to the "needs
 * attention" list (sync_rejected) and the server's row is put back where the change was, except
 * fields another unconfirmed change still holds; a row the server never had goes (its values stay
 * in sync_rejected), unless another change of it is pending or other rows point at it.
 */
export function recordPushResults(
  db: Db,
  results: readonly MutationResult[],
  derivedIndexes: readonly DerivedIndex[] = [],
  now: () => Date = () => new Date(),
): PushOutcome {
  const client = db.$client
  const at = now().toISOString()
  const markSent = client.prepare(
    "UPDATE outbox SET state = 'sent', sent_at = ?, change_seq = ? WHERE mutation_id = ? AND state = 'pending'",
  )
  const selectOutbox = client.prepare('SELECT * FROM outbox WHERE mutation_id = ?')
  const userNameOf = client.prepare('SELECT user_name FROM record_history WHERE mutation_id = ?').pluck()
  const keep = client.prepare(
    `INSERT OR IGNORE INTO sync_rejected (id, seq, mutation_id, entity, row_id, op, fields, base_versions, hlc,
       user_id, user_name, created_at, reason, message, rejected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const dropOutbox = client.prepare('DELETE FROM outbox WHERE mutation_id = ?')

  return client.transaction((): PushOutcome => {
    client.pragma('defer_foreign_keys = ON')
    const outcome: PushOutcome = { sent: 0, rejected: 0 }
    const written: Written[] = []
    const neverAccepted: { entity: string; rowId: string }[] = []
    withGateOpen(client, () => {
      for (const result of results) {
        if (result.status !== 'rejected') {
          outcome.sent += markSent.run(at, result.changeSeq, result.mutationId).changes
          continue
        }
        const row = selectOutbox.get(result.mutationId) as Record<string, string | number> | undefined
        // Already gone: its effect came back by pull before this answer was recorded.
        if (!row) continue
        keep.run(
          uuidv7(),
          row.seq,
          row.mutation_id,
          row.entity,
          row.row_id,
          row.op,
          row.fields,
          row.base_versions,
          row.hlc,
          row.user_id,
          (userNameOf.get(row.mutation_id) as string | undefined) ?? '',
          row.created_at,
          result.reason,
          result.message,
          at,
        )
        dropOutbox.run(result.mutationId)
        outcome.rejected += 1
        const entity = String(row.entity)
        const rowId = String(row.row_id)
        if (!result.current) {
          // Without the server's row, only a row it does not have goes: a refused insert, or a change
          // of a row it does not know. Any other row stays as it is until a pull brings the server's.
          if (row.op === 'insert' || result.reason === 'NOT_FOUND') neverAccepted.push({ entity, rowId })
          continue
        }
        const restored = putBack(client, entity, rowId, result.current, at)
        if (restored) written.push(restored)
      }
      for (const index of derivedIndexes) index(client, written)
      // Newest first, so a refused child goes before its refused parent is checked for children.
      for (const { entity, rowId } of neverAccepted.reverse()) {
        removeNeverAccepted(client, entity, rowId, derivedIndexes, at)
      }
    })
    return outcome
  })()
}

/** The server's row back in the local table, for the fields no other unconfirmed change holds. */
function putBack(client: Db['$client'], entity: string, rowId: string, current: ServerRow, at: string) {
  const versions = current.fieldVersions
  const outcome = writeServerState(client, {
    entity,
    rowId,
    values: current.values,
    deletedAt: current.deletedAt,
    versionOf: (field) => versions[field] ?? versions['*'] ?? 0,
    seq: null,
    refusalRow: true,
    at,
    userId: null,
  })
  return outcome.kind === 'written' ? outcome.written : null
}

/** A row the server never had: gone, unless another change of it is pending or rows point at it. */
function removeNeverAccepted(
  client: Db['$client'],
  entity: string,
  rowId: string,
  derivedIndexes: readonly DerivedIndex[],
  at: string,
): void {
  const t = replicaTable(client, entity)
  const local = t?.select.get(rowId) as Record<string, unknown> | undefined
  if (!t || !local || pendingFields(client, entity, rowId).size > 0 || isReferenced(client, t, rowId)) return
  // Tombstoned first so derived indexes drop it, then deleted for good.
  t.markDeleted.run(at, rowId)
  const written: Written = {
    entity: t.entity,
    id: rowId,
    subjectId: subjectOf(client, entity, local),
    op: 'delete',
  }
  for (const index of derivedIndexes) index(client, [written])
  t.remove.run(rowId)
}
