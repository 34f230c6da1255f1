import Database from 'better-sqlite3'
import { type Column, getTableColumns } from 'drizzle-orm'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { v7 as uuidv7 } from 'uuid'
import { openDatabase } from '../../db/openDatabase'
import { replicatedTables } from '../../db/replicatedTables'
import { demoPropertyRows } from '../../domain/property/demoData'
import { initialTerritorialUnits } from '../../domain/reference/rustaviUnits'
import { migrationsFolder } from '../context'

// The plainest way to put rows into a PC's store: a migrated store (same tables and indexes), a
// second better-sqlite3 connection with the app's journal settings, one prepared INSERT per row,
// one transaction per page. No validation, no field versions, no search index, no history.

/** A migrated, empty store at `file`, opened raw (WAL, synchronous=FULL, like the app). */
export function openRawStore(file: string): Database.Database {
  openDatabase(file, { migrationsFolder }).$client.close()
  return openRawConnection(file)
}

/** A plain connection to an existing store, with the app's journal settings. */
export function openRawConnection(file: string): Database.Database {
  const raw = new Database(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = FULL')
  return raw
}

/** A prepared INSERT of a whole row of `entity`, from the protocol's field names. */
export function rawInsert(raw: Database.Database, entity: keyof typeof replicatedTables) {
  const table = replicatedTables[entity].table
  const columns: Record<string, Column> = getTableColumns(table)
  const keys = Object.keys(columns)
  const statement = raw.prepare(
    `INSERT INTO "${getTableConfig(table).name}" (${keys.map((k) => `"${columns[k]!.name}"`).join(', ')})
     VALUES (${keys.map(() => '?').join(', ')})`,
  )
  return (id: string, values: Record<string, unknown>, at: string) =>
    statement.run(
      keys.map((k) => {
        if (k === 'id') return id
        if (k === 'version') return 1
        if (k === 'fieldVersions') return '{"*":1}'
        if (k === 'deletedAt') return null
        if (k === 'createdAt' || k === 'updatedAt') return at
        if (k === 'updatedBy') return ''
        const v = values[k]
        return typeof v === 'boolean' ? Number(v) : (v ?? null)
      }),
    )
}

/**
 * Inserts `rows` demo property rows in pages of `page`, raw. Only the inserts are timed (the
 * generator runs between the timed parts): returns the milliseconds spent inserting.
 */
export function rawInsertDemoRows(raw: Database.Database, rows: number, page: number, today: Date): number {
  const at = today.toISOString()
  const inserts = {
    propertyObject: rawInsert(raw, 'propertyObject'),
    propertyCadastralCode: rawInsert(raw, 'propertyCadastralCode'),
    propertyLease: rawInsert(raw, 'propertyLease'),
    propertyLeasePayment: rawInsert(raw, 'propertyLeasePayment'),
  }
  // The reference scope first (untimed): the objects point at their territorial units.
  const unit = rawInsert(raw, 'territorialUnit')
  for (const { id, ...values } of initialTerritorialUnits) unit(id, values, at)
  const unitIds = initialTerritorialUnits.map((u) => u.id)
  let pending: { entity: keyof typeof inserts; id: string; values: Record<string, unknown> }[] = []
  const insertPage = raw.transaction((items: typeof pending) => {
    for (const item of items) inserts[item.entity](item.id, item.values, at)
  })
  let spent = 0
  let done = 0
  const flush = () => {
    const start = performance.now()
    insertPage(pending)
    spent += performance.now() - start
    pending = []
  }
  for (const group of demoPropertyRows(unitIds, { objects: Number.MAX_SAFE_INTEGER, today, newId: uuidv7 })) {
    for (const row of group) {
      if (done >= rows) break
      pending.push({ entity: row.entity, id: row.id, values: row.values })
      done += 1
      if (pending.length === page) flush()
    }
    if (done >= rows) break
  }
  if (pending.length > 0) flush()
  return spent
}
