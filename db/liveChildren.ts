import type Database from 'better-sqlite3'
import { type Column, getTableColumns } from 'drizzle-orm'
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { ChildCount } from '../domain/errors'
import { childrenOf } from '../domain/sync/entities'
import { type EntityName, replicatedTables } from './replicatedTables'

// The live rows of this store that name a row as their parent (the parents each entity declares in
// domain/sync/entities.ts), counted per kind: the write path refuses to delete a row they name.

interface ChildQuery {
  entity: EntityName
  count: Database.Statement
}

const cache = new WeakMap<Database.Database, Map<EntityName, ChildQuery[]>>()

function queriesFor(client: Database.Database, entity: EntityName): ChildQuery[] {
  let byEntity = cache.get(client)
  if (!byEntity) {
    byEntity = new Map()
    cache.set(client, byEntity)
  }
  let queries = byEntity.get(entity)
  if (!queries) {
    queries = childrenOf(entity).map(({ entity: child, field }) => {
      const table: SQLiteTable = replicatedTables[child].table
      const column = (getTableColumns(table) as Record<string, Column>)[field]
      if (!column) throw new Error(`${child} has no column for its parent field ${field}`)
      const name = getTableConfig(table).name
      return {
        entity: child,
        count: client
          .prepare(`SELECT count(*) FROM "${name}" WHERE "${column.name}" = ? AND deleted_at IS NULL`)
          .pluck(),
      }
    })
    byEntity.set(entity, queries)
  }
  return queries
}

/** The live rows naming `id` of `entity`, by kind (kinds with none left out). */
export function liveChildrenOf(client: Database.Database, entity: EntityName, id: string): ChildCount[] {
  const counts = new Map<EntityName, number>()
  for (const query of queriesFor(client, entity)) {
    const count = Number(query.count.get(id))
    if (count > 0) counts.set(query.entity, (counts.get(query.entity) ?? 0) + count)
  }
  return [...counts].map(([child, count]) => ({ entity: child, count }))
}
