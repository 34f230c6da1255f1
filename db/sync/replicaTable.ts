import type Database from 'better-sqlite3'
import { type Column, getTableColumns } from 'drizzle-orm'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { type EntityName, replicatedTables } from '../replicatedTables'
import { systemColumnKeys } from '../schema/replicated'
import { subjectColumnKeys } from './subjects'

/** A table that references a replicated table, by the column holding the parent's id. */
export interface Reference {
  table: string
  column: string
}

/** What the sync needs to know about one replicated table, with its statements prepared. */
export interface ReplicaTable {
  entity: EntityName
  name: string
  /** The department scope of every row, or 'perRow' when the row's `scope` column says. */
  scope: string
  /** Property keys of every column, in the order the statements use. */
  keys: string[]
  /** The clerk-visible fields (everything but the system columns), as the protocol names them. */
  fieldKeys: ReadonlySet<string>
  /** Fields a new row cannot do without (NOT NULL, no default). */
  requiredKeys: readonly string[]
  /** Rows of other replicated tables that point at this one (the row cannot go while they exist). */
  referencedBy: Reference[]
  select: Database.Statement
  upsert: Database.Statement
  /** An INSERT of every column that does nothing when the id is already here (see `.changes`). */
  insertNew: Database.Statement
  remove: Database.Statement
  /** Tombstones a row so derived indexes drop it before `remove` deletes it for good. */
  markDeleted: Database.Statement
  /**
   * Tombstones a row (keeping an earlier deletion's time) and forgets its field versions: a row
   * held over a resnapshot only because another row still names it, which the snapshot brings back
   * if the server still has it live.
   */
  holdOver: Database.Statement
  /**
   * An UPDATE of only the given columns (by key; the id is the last parameter). An upsert of every
   * column rewrites every index of the table; a pulled patch of one field should touch only its own.
   */
  updateOf(keys: readonly string[]): Database.Statement
  /**
   * A SELECT by id of the given columns (by key) and of those every applied change reads (the system
   * columns and the parent ids a row's subject comes from). A pulled patch of one field need not
   * read, and turn into an object, the whole wide row.
   */
  selectOf(keys: readonly string[]): Database.Statement
}

const systemKeys = new Set<string>(systemColumnKeys)
const subjectKeys = new Set<string>(subjectColumnKeys)
const cache = new WeakMap<Database.Database, Map<string, ReplicaTable>>()

export const isEntityName = (name: string): name is EntityName => Object.hasOwn(replicatedTables, name)

/** The replicated table of `entity` on this connection, or null for an entity this PC does not know. */
export function replicaTable(client: Database.Database, entity: string): ReplicaTable | null {
  if (!isEntityName(entity)) return null
  let tables = cache.get(client)
  if (!tables) {
    tables = new Map()
    cache.set(client, tables)
  }
  let t = tables.get(entity)
  if (!t) {
    t = prepare(client, entity)
    tables.set(entity, t)
  }
  return t
}

/** Whether this PC holds the row only as a tombstone (null when it does not hold the row at all). */
export function isTombstone(client: Database.Database, entity: string, id: string): boolean | null {
  const row = replicaTable(client, entity)?.select.get(id) as { deletedAt: string | null } | undefined
  return row ? row.deletedAt !== null : null
}

/** Every replicated entity whose rows belong to `scope` (conflicts are filtered by their column). */
export function entitiesOfScope(scope: string): EntityName[] {
  return (Object.keys(replicatedTables) as EntityName[]).filter((entity) => {
    const s = replicatedTables[entity].scope as string
    return s === scope || s === 'perRow'
  })
}

function prepare(client: Database.Database, entity: EntityName): ReplicaTable {
  const table = replicatedTables[entity].table
  const name = getTableConfig(table).name
  const columnsByKey: Record<string, Column> = getTableColumns(table)
  const keys = Object.keys(columnsByKey)
  const columns = keys.map((k) => columnsByKey[k]!.name)
  const updates = new Map<string, Database.Statement>()
  const selects = new Map<string, Database.Statement>()
  // Always read: the system columns and the parent ids a row's subject is found by (db/sync/subjects.ts).
  const alwaysRead = keys.filter((k) => systemKeys.has(k) || subjectKeys.has(k))
  const selectList = keys.map((k, i) => `"${columns[i]}" AS "${k}"`).join(', ')
  const upsertSet = columns
    .filter((c) => c !== 'id')
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', ')
  return {
    entity,
    name,
    scope: replicatedTables[entity].scope,
    keys,
    fieldKeys: new Set(keys.filter((k) => !systemKeys.has(k))),
    requiredKeys: keys.filter((k) => {
      const c = columnsByKey[k]!
      return !systemKeys.has(k) && c.notNull && !c.hasDefault
    }),
    referencedBy: referencesTo(name),
    select: client.prepare(`SELECT rowid AS "_rowid", ${selectList} FROM "${name}" WHERE id = ?`),
    // ON CONFLICT keeps the rowid, which the property search index is keyed on (REPLACE would not).
    upsert: client.prepare(
      `INSERT INTO "${name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT(id) DO UPDATE SET ${upsertSet}`,
    ),
    insertNew: client.prepare(
      `INSERT INTO "${name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT(id) DO NOTHING`,
    ),
    remove: client.prepare(`DELETE FROM "${name}" WHERE id = ?`),
    markDeleted: client.prepare(`UPDATE "${name}" SET deleted_at = ? WHERE id = ?`),
    holdOver: client.prepare(
      `UPDATE "${name}" SET deleted_at = coalesce(deleted_at, ?), field_versions = '{}' WHERE id = ?`,
    ),
    updateOf: (changed) => {
      const signature = changed.join(',')
      let statement = updates.get(signature)
      if (!statement) {
        const set = changed.map((k) => `"${columnsByKey[k]!.name}" = ?`).join(', ')
        statement = client.prepare(`UPDATE "${name}" SET ${set} WHERE id = ?`)
        updates.set(signature, statement)
      }
      return statement
    },
    selectOf: (wanted) => {
      const signature = wanted.join(',')
      let statement = selects.get(signature)
      if (!statement) {
        const read = new Set([...alwaysRead, ...wanted.filter((k) => Object.hasOwn(columnsByKey, k))])
        const list = [...read].map((k) => `"${columnsByKey[k]!.name}" AS "${k}"`).join(', ')
        statement = client.prepare(`SELECT ${list} FROM "${name}" WHERE id = ?`)
        selects.set(signature, statement)
      }
      return statement
    },
  }
}

function referencesTo(parentName: string): Reference[] {
  const out: Reference[] = []
  for (const { table } of Object.values(replicatedTables)) {
    const config = getTableConfig(table)
    for (const fk of config.foreignKeys) {
      const ref = fk.reference()
      if (getTableConfig(ref.foreignTable).name !== parentName) continue
      const column = ref.columns[0]
      if (column) out.push({ table: config.name, column: column.name })
    }
  }
  return out
}

/** True when a row of another table still points at `id` (deleting it would break a foreign key). */
export function isReferenced(client: Database.Database, t: ReplicaTable, id: string): boolean {
  return t.referencedBy.some(
    (r) => client.prepare(`SELECT 1 FROM "${r.table}" WHERE "${r.column}" = ? LIMIT 1`).get(id) !== undefined,
  )
}
