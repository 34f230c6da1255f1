import type Database from 'better-sqlite3'
import { is, SQL } from 'drizzle-orm'
import { getTableConfig, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core'
import type { Scope } from '../../domain/sync/protocol'
import { replicatedTables } from '../replicatedTables'

/** A plain (not unique) index of a replicated table, with the statement that makes it. */
export interface SecondaryIndex {
  name: string
  table: string
  create: string
}

const dialect = new SQLiteSyncDialect()
const byScope = new Map<string, SecondaryIndex[]>()

/**
 * The plain indexes of the tables of `scope` (the list screens' sort and filter indexes, the
 * parent lookups), made as the schema declares them: the same statements as the migrations (a test
 * holds them equal). Unique indexes are constraints and are never among them.
 */
export function secondaryIndexesOf(scope: Scope): readonly SecondaryIndex[] {
  let indexes = byScope.get(scope)
  if (!indexes) {
    indexes = []
    for (const { table, scope: tableScope } of Object.values(replicatedTables)) {
      if (tableScope !== scope) continue
      const config = getTableConfig(table)
      for (const { config: index } of config.indexes) {
        if (index.unique) continue
        const columns = index.columns
          .map((c) => (is(c, SQL) ? dialect.sqlToQuery(c).sql : `\`${c.name}\``))
          .join(',')
        const where = index.where ? ` WHERE ${dialect.sqlToQuery(index.where).sql}` : ''
        indexes.push({
          name: index.name,
          table: config.name,
          create: `CREATE INDEX IF NOT EXISTS \`${index.name}\` ON \`${config.name}\` (${columns})${where}`,
        })
      }
    }
    byScope.set(scope, indexes)
  }
  return indexes
}

/**
 * At the start of a bootstrap into a store that holds nothing of `scope` (not a row, not a
 * tombstone): drops the scope's plain indexes, so the snapshot's rows go in without keeping nine
 * indexes in step row by row (most of a bootstrap's time). The build after the last page makes them
 * again, each sorted in one go (db/sync/indexBuild.ts), before the scope turns live. Inside the
 * caller's transaction, with the first page: a PC stopped before that commits still has them all.
 * False (and nothing dropped) when the scope's tables hold anything.
 */
export function dropSecondaryIndexesOfEmptyScope(client: Database.Database, scope: Scope): boolean {
  const indexes = secondaryIndexesOf(scope)
  const tables = [...new Set(indexes.map((i) => i.table))]
  const holdsRows = tables.some(
    (table) => client.prepare(`SELECT EXISTS (SELECT 1 FROM "${table}")`).pluck().get() === 1,
  )
  if (holdsRows) return false
  for (const index of indexes) client.exec(`DROP INDEX IF EXISTS "${index.name}"`)
  return indexes.length > 0
}

/** The plain indexes of `scope` the store does not have (dropped for a bootstrap and not made yet). */
export function missingSecondaryIndexes(client: Database.Database, scope: Scope): SecondaryIndex[] {
  const present = new Set(
    client.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[],
  )
  return secondaryIndexesOf(scope).filter((index) => !present.has(index.name))
}
