import type Database from 'better-sqlite3'
import { searchIndexText } from '../../domain/georgian/transliterate'
import { builtInOneStep, type RebuildableIndex } from '../sync/deferredIndexes'
import type { DerivedIndex } from '../writePath'

// The payer search: payment code, personal number or company code, name and address, typed in
// Georgian or on a Latin keyboard layout (the FTS expression: db/property/searchIndex.ts). An FTS
// row has its payer's rowid, so the list joins it by integer.

const indexedEntities = new Set(['sanitationPayer'])

const fields = [
  'paymentCode',
  'personalNumber',
  'companyCode',
  'name',
  'street',
  'building',
  'apartment',
  'deletedAt',
] as const

interface PayerText {
  rowid: number
  paymentCode: string
  personalNumber: string | null
  companyCode: string | null
  name: string
  street: string
  building: string
  apartment: string
  deletedAt: string | null
}

const bodyOf = (p: PayerText): string =>
  searchIndexText(
    p.paymentCode,
    p.personalNumber ?? '',
    p.companyCode ?? '',
    p.name,
    p.street,
    p.building,
    p.apartment,
  )

const indexTouchedPayers: DerivedIndex = (client, written) => {
  const s = statements(client)
  for (const w of written) {
    if (w.entity !== 'sanitationPayer') continue
    const payer = s.payer.get(w.id) as PayerText | undefined
    if (!payer) continue
    const created = w.op === 'insert'
    if (payer.deletedAt !== null) {
      if (!created) s.remove.run(payer.rowid)
      continue
    }
    const body = bodyOf(payer)
    if (!created) {
      const current = s.body.get(payer.rowid)
      if (current === body) continue
      if (current !== undefined) s.remove.run(payer.rowid)
    }
    s.add.run(payer.rowid, w.id, body)
  }
}

export const sanitationSearchIndex: RebuildableIndex = Object.assign(indexTouchedPayers, {
  entities: indexedEntities as ReadonlySet<string>,
  rebuild: (client: Database.Database) => rebuildSanitationSearch(client),
  ...builtInOneStep(rebuildSanitationSearch),
  fields: { sanitationPayer: fields },
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

const payerColumns = `rowid, payment_code AS paymentCode, personal_number AS personalNumber,
  company_code AS companyCode, name, street, building, apartment, deleted_at AS deletedAt`

function prepare(client: Database.Database) {
  return {
    remove: client.prepare('DELETE FROM sanitation_search WHERE rowid = ?'),
    add: client.prepare('INSERT INTO sanitation_search (rowid, payer_id, body) VALUES (?, ?, ?)'),
    body: client.prepare('SELECT body FROM sanitation_search WHERE rowid = ?').pluck(),
    payer: client.prepare(`SELECT ${payerColumns} FROM sanitation_payer WHERE id = ?`),
  }
}

/** Builds the whole payer index again from the live payers and merges it into one segment. */
export function rebuildSanitationSearch(client: Database.Database): void {
  const payers = client
    .prepare(`SELECT id, ${payerColumns} FROM sanitation_payer WHERE deleted_at IS NULL`)
    .all() as (PayerText & { id: string })[]
  client.prepare('DELETE FROM sanitation_search').run()
  const add = statements(client).add
  for (const p of payers) add.run(p.rowid, p.id, bodyOf(p))
  client.prepare("INSERT INTO sanitation_search (sanitation_search) VALUES ('optimize')").run()
}

/** A small step of merging the index's segments, while the PC is idle (db/maintenance.ts). */
export const mergeSanitationSearchStep = (client: Database.Database): void => {
  client.prepare("INSERT INTO sanitation_search (sanitation_search, rank) VALUES ('merge', 200)").run()
}
