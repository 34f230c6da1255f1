import type { Db } from '../database'

export interface RejectedRow {
  id: string
  entity: string
  rowId: string
  op: 'insert' | 'update' | 'delete'
  fields: Record<string, string | number | boolean | null>
  reason: string
  message: string
  userId: string
  userName: string
  savedAt: string
  rejectedAt: string
}

/** Changes the server refused that nobody has decided about yet, newest first. */
export function openRejections(db: Db): RejectedRow[] {
  const rows = db.$client
    .prepare(
      `SELECT id, entity, row_id AS rowId, op, fields, reason, message, user_id AS userId,
         user_name AS userName, created_at AS savedAt, rejected_at AS rejectedAt
       FROM sync_rejected WHERE resolution IS NULL ORDER BY rejected_at DESC, seq DESC`,
    )
    .all() as (Omit<RejectedRow, 'fields'> & { fields: string })[]
  return rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) as RejectedRow['fields'] }))
}

export function findOpenRejection(db: Db, id: string): RejectedRow | null {
  return openRejections(db).find((r) => r.id === id) ?? null
}

/**
 * Records what a clerk decided about a refused change. The row stays (nothing saved is lost):
 * 'resent' means its corrected values went out again as a new change; 'discarded' that it was given up.
 */
export function resolveRejection(
  db: Db,
  id: string,
  resolution: 'resent' | 'discarded',
  by: string,
  at: string,
): boolean {
  const changed = db.$client
    .prepare(
      `UPDATE sync_rejected SET resolution = ?, resolved_by = ?, resolved_at = ?
       WHERE id = ? AND resolution IS NULL`,
    )
    .run(resolution, by, at, id).changes
  return changed === 1
}

export function openRejectionCount(db: Db): number {
  return db.$client
    .prepare('SELECT count(*) FROM sync_rejected WHERE resolution IS NULL')
    .pluck()
    .get() as number
}
