import type Database from 'better-sqlite3'

/**
 * `table INDEXED BY index` (the planner is not left to guess), or the bare table while the index is
 * missing: a bootstrap into an empty store drops a scope's plain indexes until its indexing phase
 * makes them again (db/sync/secondaryIndexes.ts), and the screens still answer meanwhile.
 */
export function indexedBy(client: Database.Database, table: string, index: string, alias = ''): string {
  const named = alias ? `${table} ${alias}` : table
  const present = client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(index)
  return present ? `${named} INDEXED BY ${index}` : named
}
