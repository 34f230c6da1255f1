import type Database from 'better-sqlite3'
import { searchIndexText, searchQueryVariants } from '../../domain/georgian/transliterate'
import type { DerivedIndex } from '../writePath'

const indexedEntities = new Set(['propertyObject', 'propertyCadastralCode', 'propertyLease'])

/**
 * Keeps `property_search` in step with objects, their cadastral codes and their tenants. Runs inside
 * the write path's transaction, once per touched object.
 */
export const propertySearchIndex: DerivedIndex = (client, written) => {
  const objectIds = new Set<string>()
  for (const w of written) if (indexedEntities.has(w.entity)) objectIds.add(w.subjectId)
  if (objectIds.size === 0) return
  const s = statements(client)
  for (const objectId of objectIds) {
    const key = s.key.get(objectId) as { rowid: number } | undefined
    if (key) s.remove.run(key.rowid)
    const object = s.object.get(objectId) as Record<string, string | null> | undefined
    if (!object) continue
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
    const rowid = key?.rowid ?? Number(s.addKey.run(objectId).lastInsertRowid)
    s.add.run(rowid, objectId, body)
  }
}

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
    key: client.prepare('SELECT rowid FROM property_search_key WHERE object_id = ?'),
    addKey: client.prepare('INSERT INTO property_search_key (object_id) VALUES (?)'),
    remove: client.prepare('DELETE FROM property_search WHERE rowid = ?'),
    add: client.prepare('INSERT INTO property_search (rowid, object_id, body) VALUES (?, ?, ?)'),
    object: client.prepare(
      `SELECT inventory_number AS inventoryNumber, name, street, building, apartment, address_note AS addressNote
       FROM property_object WHERE id = ? AND deleted_at IS NULL`,
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

/**
 * An FTS5 expression for what a clerk typed: every word as a prefix, all words required, matched as
 * typed or as the Georgian it becomes on a Latin keyboard layout. Null when nothing searchable remains.
 */
export function propertyMatchExpression(typed: string): string | null {
  const alternatives = searchQueryVariants(typed)
    .map((variant) => variant.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => tokens.map((t) => `"${t}"*`).join(' AND '))
  if (alternatives.length === 0) return null
  return [...new Set(alternatives)].map((a) => `(${a})`).join(' OR ')
}
