import type Database from 'better-sqlite3'

const cache = new WeakMap<Database.Database, Database.Statement>()

/**
 * The fields of one row that an outbox row not yet confirmed by the server still changes: a pulled
 * or restored value must not overwrite them, or the clerk's saved edit would silently vanish.
 */
export function pendingFields(client: Database.Database, entity: string, rowId: string): Set<string> {
  let select = cache.get(client)
  if (!select) {
    select = client.prepare('SELECT fields FROM outbox WHERE entity = ? AND row_id = ?').pluck()
    cache.set(client, select)
  }
  const fields = new Set<string>()
  for (const json of select.all(entity, rowId) as string[]) {
    for (const key of Object.keys(JSON.parse(json) as object)) fields.add(key)
  }
  return fields
}
