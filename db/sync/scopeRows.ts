import type Database from 'better-sqlite3'
import type { Scope } from '../../domain/sync/protocol'
import type { DerivedIndex, Written } from '../writePath'
import { entitiesOfScope, isReferenced, replicaTable } from './replicaTable'
import { subjectOf } from './subjects'

/**
 * Deletes the rows of a scope for good (no tombstones: the server still has them), children before
 * parents. Kept: rows with an outbox row when `forSnapshot` (a snapshot of the scope follows), and
 * rows another row still points at. With `forSnapshot`, a row kept only because it is named turns
 * into a tombstone with no known versions: the snapshot brings it back if the server still has it
 * live, and if the server deleted it meanwhile (the deletion sits before the snapshot's position, so
 * no pull brings it) this PC does not go on showing it. Derived indexes drop the rows first (each row
 * is tombstoned, indexed, then deleted). Callers hold a transaction and the write gate.
 */
export function dropScopeRows(
  client: Database.Database,
  scope: Scope,
  forSnapshot: boolean,
  derivedIndexes: readonly DerivedIndex[],
  at: string,
): number {
  let dropped = 0
  for (const entity of entitiesOfScope(scope).reverse()) {
    const t = replicaTable(client, entity)!
    const rowFilter = t.scope === 'perRow' ? 'AND scope = ?' : ''
    const pendingFilter = forSnapshot
      ? 'AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = ? AND o.row_id = t.id)'
      : ''
    const params: string[] = []
    if (rowFilter) params.push(scope)
    if (pendingFilter) params.push(entity)
    const ids = client
      .prepare(`SELECT id FROM "${t.name}" t WHERE 1 = 1 ${rowFilter} ${pendingFilter}`)
      .pluck()
      .all(...params) as string[]
    const doomed: string[] = []
    const heldOver: string[] = []
    for (const id of ids) (isReferenced(client, t, id) ? heldOver : doomed).push(id)
    const written: Written[] = []
    for (const id of doomed) {
      const row = t.select.get(id) as Record<string, unknown>
      t.markDeleted.run(at, id)
      written.push({ entity, id, subjectId: subjectOf(client, entity, row), op: 'delete' })
    }
    if (forSnapshot) {
      for (const id of heldOver) {
        const row = t.select.get(id) as Record<string, unknown>
        t.holdOver.run(at, id)
        written.push({ entity, id, subjectId: subjectOf(client, entity, row), op: 'delete' })
      }
    }
    for (const index of derivedIndexes) index(client, written)
    for (const id of doomed) t.remove.run(id)
    dropped += doomed.length
  }
  return dropped
}
