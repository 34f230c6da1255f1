import type Database from 'better-sqlite3'
import { searchIndexText, searchQueryVariants } from '../../domain/georgian/transliterate'
import type { RebuildableIndex } from '../sync/deferredIndexes'
import type { DerivedIndex } from '../writePath'

const indexedEntities = new Set(['propertyObject', 'propertyCadastralCode', 'propertyLease'])

/**
 * Keeps `property_search` in step with objects, their cadastral codes and their tenants. Runs inside
 * the write path's transaction, once per touched object. An object's FTS row has the object's own
 * rowid, so the list can narrow its indexes by integer (db/property/listObjects.ts). A bootstrap
 * skips it page by page and rebuilds the whole index once instead (db/sync/deferredIndexes.ts).
 */
const indexTouchedObjects: DerivedIndex = (client, written) => {
  const objectIds = new Set<string>()
  /** Objects created in this transaction have no FTS row to remove yet. */
  const created = new Set<string>()
  for (const w of written) {
    if (!indexedEntities.has(w.entity)) continue
    objectIds.add(w.subjectId)
    if (w.entity === 'propertyObject' && w.op === 'insert') created.add(w.id)
  }
  if (objectIds.size === 0) return
  const s = statements(client)
  for (const objectId of objectIds) {
    const object = s.object.get(objectId) as Record<string, string | number | null> | undefined
    if (!object) continue
    const rowid = Number(object.rowid)
    if (object.deletedAt !== null) {
      if (!created.has(objectId)) s.remove.run(rowid)
      continue
    }
    const codes = (s.codes.all(objectId) as { code: string }[]).map((r) => r.code)
    const tenants = (s.tenants.all(objectId) as { tenantName: string; tenantIdNumber: string }[]).flatMap(
      (t) => [t.tenantName, t.tenantIdNumber],
    )
    const body = searchIndexText(
      String(object.inventoryNumber),
      String(object.name),
      String(object.street),
      String(object.building),
      String(object.apartment),
      String(object.addressNote),
      ...codes,
      ...tenants,
    )
    // Most changes (notes, values, a pulled patch) leave the searchable text as it was: rewriting the
    // FTS row would only add index segments and WAL pages to the transaction.
    if (!created.has(objectId)) {
      if (s.body.get(rowid) === body) continue
      s.remove.run(rowid)
    }
    s.add.run(rowid, objectId, body)
  }
}

export const propertySearchIndex: RebuildableIndex = Object.assign(indexTouchedObjects, {
  entities: indexedEntities as ReadonlySet<string>,
  rebuild: (client: Database.Database) => rebuildPropertySearch(client),
  clear: (client: Database.Database) => {
    client.prepare('DELETE FROM property_search').run()
  },
  buildAfter: indexObjectsAfter,
  mergeStep: (client: Database.Database) => {
    const before = client.prepare('SELECT total_changes()').pluck().get() as number
    mergePropertySearchStep(client)
    // The merge command counts as one change itself; more means it merged something.
    return (client.prepare('SELECT total_changes()').pluck().get() as number) > before + 1
  },
  // What the body below is made of, and what moves a row to another object or out of the index.
  fields: {
    propertyObject: [
      'inventoryNumber',
      'name',
      'street',
      'building',
      'apartment',
      'addressNote',
      'deletedAt',
    ],
    propertyCadastralCode: ['code', 'objectId', 'deletedAt'],
    propertyLease: ['tenantName', 'tenantIdNumber', 'objectId', 'deletedAt'],
  },
})

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>()
function statements(client: Database.Database) {
  let s = cache.get(client)
  if (!s) {
    s = prepare(client)
    cache.set(client, s)
  }
  return s
}

function prepare(client: Database.Database) {
  return {
    remove: client.prepare('DELETE FROM property_search WHERE rowid = ?'),
    removeRange: client.prepare('DELETE FROM property_search WHERE rowid > ? AND rowid <= ?'),
    buildChunk: client.prepare(
      `SELECT o.rowid AS rowid, o.id, o.inventory_number AS inventoryNumber, o.name, o.street, o.building,
         o.apartment, o.address_note AS addressNote,
         (SELECT json_group_array(code) FROM property_cadastral_code
           WHERE object_id = o.id AND deleted_at IS NULL) AS codes,
         (SELECT json_group_array(json_array(tenant_name, tenant_id_number)) FROM property_lease
           WHERE object_id = o.id AND deleted_at IS NULL) AS tenants
       FROM property_object o WHERE o.rowid > ? AND o.deleted_at IS NULL ORDER BY o.rowid LIMIT ?`,
    ),
    add: client.prepare('INSERT INTO property_search (rowid, object_id, body) VALUES (?, ?, ?)'),
    body: client.prepare('SELECT body FROM property_search WHERE rowid = ?').pluck(),
    object: client.prepare(
      `SELECT rowid, inventory_number AS inventoryNumber, name, street, building, apartment,
         address_note AS addressNote, deleted_at AS deletedAt
       FROM property_object WHERE id = ?`,
    ),
    codes: client.prepare(
      'SELECT code FROM property_cadastral_code WHERE object_id = ? AND deleted_at IS NULL',
    ),
    tenants: client.prepare(
      `SELECT tenant_name AS tenantName, tenant_id_number AS tenantIdNumber
       FROM property_lease WHERE object_id = ? AND deleted_at IS NULL`,
    ),
  }
}

const aligned = new WeakSet<Database.Database>()

/**
 * Makes sure every FTS row still carries its object's rowid. Rowids of a table without an INTEGER
 * PRIMARY KEY survive VACUUM and backups, but a migration that rebuilds `property_object` may
 * renumber them; then the index is re-keyed by object id, once. Checked once per connection by
 * spot checks at both ends of the index, which a renumbering would not leave intact.
 */
export function ensurePropertySearchAligned(client: Database.Database): void {
  if (aligned.has(client)) return
  const misaligned = client
    .prepare(
      `SELECT count(*) AS n FROM (
         SELECT * FROM (SELECT rowid AS r, object_id FROM property_search ORDER BY rowid LIMIT 16)
         UNION ALL
         SELECT * FROM (SELECT rowid AS r, object_id FROM property_search ORDER BY rowid DESC LIMIT 16)
       ) f LEFT JOIN property_object o ON o.rowid = f.r
       WHERE o.id IS NOT f.object_id OR o.deleted_at IS NOT NULL`,
    )
    .get() as { n: number }
  if (misaligned.n > 0) realignPropertySearch(client)
  aligned.add(client)
}

/** Re-keys the FTS rows by their objects' current rowids (derived data: no outbox, no history). */
export function realignPropertySearch(client: Database.Database): void {
  client.transaction(() => {
    client.exec(`CREATE TEMP TABLE property_search_realign AS
      SELECT o.rowid AS r, s.object_id, s.body FROM property_search s
      JOIN property_object o ON o.id = s.object_id WHERE o.deleted_at IS NULL`)
    client.exec('DELETE FROM property_search')
    client.exec(
      'INSERT INTO property_search (rowid, object_id, body) SELECT r, object_id, body FROM temp.property_search_realign',
    )
    client.exec('DROP TABLE temp.property_search_realign')
  })()
}

/**
 * A word of a query: letters and digits, as SQLite's tokenizer reads them. Its tables are of Unicode
 * 6.1, in which a few letters of today (New Tai Lue vowels, two Vedic signs) were marks, so it ends a
 * word there; the query must too, since a quoted run it splits in two is a phrase, which an index
 * without positions refuses (tested for every letter and digit).
 */
const QUERY_WORD = /(?:(?![\u19b0-\u19c0\u19c8\u19c9\u1cf2\u1cf3])[\p{L}\p{N}])+/gu

/**
 * An FTS5 expression for what a clerk typed: every word as a prefix, all words required, each word
 * matched as typed or as the Georgian it becomes on a Latin keyboard layout. Null when nothing
 * searchable remains. `RST-2` gives `("rst"* OR "ღშთ"*) AND "2"*`: a word that reads the same both
 * ways is looked up once.
 */
export function propertyMatchExpression(typed: string): string | null {
  const variants = searchQueryVariants(typed)
    .map((variant) => variant.match(QUERY_WORD) ?? [])
    .filter((tokens) => tokens.length > 0)
  const first = variants[0]
  if (!first) return null
  const prefix = (token: string) => `"${token}"*`
  if (variants.every((tokens) => tokens.length === first.length)) {
    return first
      .map((_, i) => {
        const alternatives = [...new Set(variants.map((tokens) => tokens[i]!))].map(prefix)
        return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`
      })
      .join(' AND ')
  }
  const whole = variants.map((tokens) => tokens.map(prefix).join(' AND '))
  return [...new Set(whole)].map((a) => `(${a})`).join(' OR ')
}

/**
 * Builds the whole search index again from the live objects, their current cadastral codes and their
 * tenants, then merges it into one segment: after a bulk load, such as the demo seed.
 */
export function rebuildPropertySearch(client: Database.Database): void {
  client.prepare('DELETE FROM property_search').run()
  let after = 0
  for (;;) {
    const next = indexObjectsAfter(client, after, Number.MAX_SAFE_INTEGER)
    if (next === null) break
    after = next
  }
  optimisePropertySearch(client)
}

/**
 * Indexes the next `limit` live objects after rowid `after`, in rowid order (a bootstrap's build in
 * steps, db/sync/deferredIndexes.ts). Entries already in that rowid range (a clerk's save during the
 * build indexes its object itself) are replaced. Returns the last rowid indexed, null when none
 * was left.
 */
export function indexObjectsAfter(client: Database.Database, after: number, limit: number): number | null {
  const s = statements(client)
  const objects = s.buildChunk.all(after, limit) as (Record<string, string> & { rowid: number })[]
  const last = objects.at(-1)?.rowid
  if (last === undefined) return null
  s.removeRange.run(after, last)
  for (const o of objects) {
    const codes = JSON.parse(o.codes!) as string[]
    const tenants = (JSON.parse(o.tenants!) as [string, string][]).flat()
    const body = searchIndexText(
      o.inventoryNumber!,
      o.name!,
      o.street!,
      o.building!,
      o.apartment!,
      o.addressNote!,
      ...codes,
      ...tenants,
    )
    s.add.run(o.rowid, o.id, body)
  }
  return last
}

/**
 * A small step of merging the search index's segments (automatic merging is off, so that it never
 * runs inside a save): bounded work, run while the PC is idle.
 */
export const mergePropertySearchStep = (client: Database.Database): void => {
  client.prepare("INSERT INTO property_search (property_search, rank) VALUES ('merge', 200)").run()
}

/** Merges the whole search index into one segment: after a bulk load, such as the demo seed. */
export const optimisePropertySearch = (client: Database.Database): void => {
  client.prepare("INSERT INTO property_search (property_search) VALUES ('optimize')").run()
}
