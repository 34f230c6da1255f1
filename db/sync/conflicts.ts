import type { Db } from '../database'

export interface ConflictRow {
  id: string
  version: number
  scope: string
  kind: string
  entity: string
  rowId: string
  field: string | null
  currentValue: string
  currentUserName: string
  currentDeviceId: string | null
  currentDeviceName: string | null
  currentAt: string
  otherValue: string
  otherUserName: string
  otherDeviceId: string | null
  otherDeviceName: string | null
  otherAt: string
  status: string
  resolvedBy: string | null
  resolvedAt: string | null
}

const columns = `id, version, scope, kind, entity, row_id AS rowId, field, current_value AS currentValue,
  current_user_name AS currentUserName, current_device_id AS currentDeviceId,
  current_device_name AS currentDeviceName, current_at AS currentAt, other_value AS otherValue,
  other_user_name AS otherUserName, other_device_id AS otherDeviceId, other_device_name AS otherDeviceName,
  other_at AS otherAt, status, resolved_by AS resolvedBy, resolved_at AS resolvedAt`

/** The conflicts of the given scopes the server sent this PC, newest first. */
export function listConflicts(db: Db, scopes: readonly string[], status: 'open' | 'resolved'): ConflictRow[] {
  if (scopes.length === 0) return []
  return db.$client
    .prepare(
      `SELECT ${columns} FROM sync_conflict
       WHERE deleted_at IS NULL AND status = ? AND scope IN (${scopes.map(() => '?').join(', ')})
       ORDER BY other_at DESC LIMIT 1000`,
    )
    .all(status, ...scopes) as ConflictRow[]
}

export function findConflict(db: Db, id: string): ConflictRow | null {
  return (
    (db.$client.prepare(`SELECT ${columns} FROM sync_conflict WHERE id = ? AND deleted_at IS NULL`).get(id) as
      | ConflictRow
      | undefined) ?? null
  )
}

export function openConflictCount(db: Db, scopes: readonly string[]): number {
  if (scopes.length === 0) return 0
  return db.$client
    .prepare(
      `SELECT count(*) FROM sync_conflict WHERE deleted_at IS NULL AND status = 'open'
       AND scope IN (${scopes.map(() => '?').join(', ')})`,
    )
    .pluck()
    .get(...scopes) as number
}
