import type Database from 'better-sqlite3'
import type { ServerRow } from '../../domain/sync/protocol'
import type { Written } from '../writePath'
import { replicaTable } from './replicaTable'
import { subjectOf } from './subjects'

/** A row `insertSnapshotRow` wrote: its entity and its columns by key. */
export interface InsertedRow {
  entity: Written['entity']
  row: Record<string, unknown>
}

/**
 * A snapshot row this PC does not hold yet, written in one INSERT: the row as `writeServerState`
 * would make it (version 1, every field at the server's versions, written by nobody local), without
 * first reading the row, comparing field by field and listing each field's change, which a new row
 * does not need. Nearly every row of a bootstrap is new. Returns what was written, or null when the
 * general path must decide: the PC already holds the row (a resumed page, a row it made itself), the
 * row lacks a field a new row needs, or the entity is unknown here. Callers hold the write gate open.
 */
export function insertSnapshotRow(client: Database.Database, row: ServerRow, at: string): InsertedRow | null {
  const t = replicaTable(client, row.entity)
  if (!t) return null
  const values = row.values
  for (const key of t.requiredKeys) if (values[key] === undefined) return null
  const next: Record<string, unknown> = {
    id: row.rowId,
    version: 1,
    fieldVersions: JSON.stringify(row.fieldVersions),
    deletedAt: row.deletedAt,
    createdAt: typeof values.createdAt === 'string' ? values.createdAt : at,
    updatedAt: at,
    updatedBy: '',
  }
  for (const key of t.fieldKeys) {
    const value = values[key]
    if (value !== undefined) next[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value
  }
  const params = new Array<unknown>(t.keys.length)
  for (let i = 0; i < t.keys.length; i++) params[i] = next[t.keys[i]!] ?? null
  if (t.insertNew.run(params).changes === 0) return null
  return { entity: t.entity, row: next }
}

/**
 * An inserted row as the derived indexes see it. Only asked for when an index is kept page by page:
 * finding a payment's subject reads its lease, once for each of a bootstrap's payments.
 */
export function writtenOf(client: Database.Database, inserted: InsertedRow): Written {
  const id = String(inserted.row.id)
  return {
    entity: inserted.entity,
    id,
    subjectId: subjectOf(client, inserted.entity, inserted.row),
    op: 'insert',
  }
}
