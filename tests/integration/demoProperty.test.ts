import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/database'
import { listOrderColumns, listPropertyObjects, type SearchTuning } from '../../db/property/listObjects'
import { leasesOf } from '../../db/property/objectDetail'
import { ensurePropertySearchAligned, propertyMatchExpression } from '../../db/property/searchIndex'
import { addDays, isoDateInTbilisi } from '../../domain/georgian/dates'
import { CadastralCode } from '../../domain/georgian/identifiers'
import { demoPropertyRows } from '../../domain/property/demoData'
import { LeaseFields, LeasePaymentFields, PropertyObjectFields } from '../../domain/property/schemas'
import { PropertyListQuery, type PropertyListQuery as QueryInput } from '../../domain/property/views'
import { seedDemoProperty } from '../../electron/backend/seed/demoProperty'
import { seedTerritorialUnits } from '../../electron/backend/seed/territorialUnits'
import { tempStore } from '../support/tempStore'

const now = new Date('2026-03-15T08:00:00Z')
const today = isoDateInTbilisi(now.getTime())
const OBJECTS = 2_000

type Row = Record<string, unknown>

describe('the demo property registry', () => {
  let store: ReturnType<typeof tempStore>
  let db: Db
  const all = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as Row[]
  const count = (table: string) =>
    (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  const tables = ['property_object', 'property_cadastral_code', 'property_lease', 'property_lease_payment']
  const counts = () => Object.fromEntries([...tables, 'outbox', 'record_history'].map((t) => [t, count(t)]))

  beforeAll(() => {
    store = tempStore(() => now)
    db = store.db
    seedTerritorialUnits(db, now)
    seedDemoProperty(db, { objects: OBJECTS, today: now, seed: 7 })
  })
  afterAll(() => store.close())

  it('generates the objects asked for, with codes, leases and payments', () => {
    expect(count('property_object')).toBe(OBJECTS)
    expect(count('property_cadastral_code')).toBeGreaterThan(OBJECTS * 0.3)
    expect(count('property_lease')).toBeGreaterThan(OBJECTS * 0.1)
    expect(count('property_lease_payment')).toBeGreaterThan(count('property_lease'))
    const types = all('SELECT type, count(*) AS n FROM property_object GROUP BY type')
    expect(types.map((t) => t.type).sort()).toEqual([
      'building',
      'infrastructure',
      'land',
      'movable',
      'premises',
    ])
    const states = all('SELECT DISTINCT state FROM property_object').map((s) => s.state)
    expect(states).toEqual(expect.arrayContaining(['inUse', 'leased', 'vacant', 'writtenOff']))
  })

  it('leases about a quarter to a third of the land, buildings and premises', () => {
    const { leased, total } = db.$client
      .prepare(
        `SELECT sum(state = 'leased') AS leased, count(*) AS total FROM property_object
         WHERE type IN ('land', 'building', 'premises')`,
      )
      .get() as { leased: number; total: number }
    expect(leased / total).toBeGreaterThan(0.2)
    expect(leased / total).toBeLessThan(0.4)
  })

  it('writes only rows that pass the field schemas', () => {
    const objects = all(
      `SELECT inventory_number AS inventoryNumber, name, type, property_class AS propertyClass, state,
         territorial_unit_id AS territorialUnitId, street, building, apartment, postal_code AS postalCode,
         address_note AS addressNote, area_sqm AS areaSqm, purpose, book_value_tetri AS bookValueTetri,
         market_value_tetri AS marketValueTetri, acquired_on AS acquiredOn,
         acquisition_method AS acquisitionMethod, acquisition_act AS acquisitionAct, custodian, notes
       FROM property_object ORDER BY random() LIMIT 400`,
    )
    for (const o of objects) expect(PropertyObjectFields.safeParse(o).error?.issues).toBeUndefined()

    const codes = all('SELECT code FROM property_cadastral_code ORDER BY random() LIMIT 400')
    for (const c of codes) expect(CadastralCode.safeParse(c.code).success, String(c.code)).toBe(true)

    const leases = all(
      `SELECT object_id AS objectId, contract_number AS contractNumber, tenant_kind AS tenantKind,
         tenant_name AS tenantName, tenant_id_number AS tenantIdNumber, tenant_phone AS tenantPhone,
         start_date AS startDate, end_date AS endDate, annual_rent_tetri AS annualRentTetri, schedule,
         legal_basis AS legalBasis
       FROM property_lease ORDER BY random() LIMIT 400`,
    )
    for (const l of leases) expect(LeaseFields.safeParse(l).error?.issues).toBeUndefined()

    const payments = all(
      `SELECT lease_id AS leaseId, paid_on AS paidOn, amount_tetri AS amountTetri, reference
       FROM property_lease_payment ORDER BY random() LIMIT 400`,
    )
    for (const p of payments) {
      expect(LeasePaymentFields.safeParse(p).error?.issues).toBeUndefined()
      expect(String(p.paidOn) <= today).toBe(true)
    }
  })

  it('gives unique inventory numbers, contract numbers and current cadastral codes', () => {
    const distinct = (sql: string) => (db.$client.prepare(sql).get() as { n: number; d: number }) ?? {}
    const inventory = distinct(
      'SELECT count(*) AS n, count(DISTINCT inventory_number) AS d FROM property_object',
    )
    expect(inventory.d).toBe(inventory.n)
    const contracts = distinct(
      'SELECT count(*) AS n, count(DISTINCT contract_number) AS d FROM property_lease',
    )
    expect(contracts.d).toBe(contracts.n)
    const current = distinct(
      'SELECT count(*) AS n, count(DISTINCT code) AS d FROM property_cadastral_code WHERE valid_to IS NULL',
    )
    expect(current.d).toBe(current.n)
    // one current code per coded object, and a history (closed code) for some
    const perObject = all(
      `SELECT object_id, count(*) AS n FROM property_cadastral_code WHERE valid_to IS NULL
       GROUP BY object_id HAVING n > 1`,
    )
    expect(perObject).toEqual([])
    const closed = all(
      `SELECT old.valid_to AS closedOn, new.valid_from AS openedOn, new.reason FROM property_cadastral_code old
       JOIN property_cadastral_code new ON new.object_id = old.object_id AND new.valid_to IS NULL
       WHERE old.valid_to IS NOT NULL`,
    )
    expect(closed.length).toBeGreaterThan(0)
    for (const c of closed) {
      expect(c.closedOn).toBe(c.openedOn)
      expect(String(c.reason)).toMatch(/[\u10d0-\u10ff]/)
    }
  })

  it('leases every leased object now, with some tenants in arrears and some leases ending soon', () => {
    const leasedIds = all(`SELECT id FROM property_object WHERE state = 'leased'`).map((r) => String(r.id))
    const leases = leasesOf(db, leasedIds, today)
    const running = leases.filter((l) => l.startDate <= today && l.endDate >= today && !l.terminatedOn)
    expect(new Set(running.map((l) => l.objectId)).size).toBe(leasedIds.length)
    expect(running.filter((l) => l.arrearsTetri > 0).length).toBeGreaterThan(running.length * 0.05)
    expect(running.filter((l) => l.arrearsTetri === 0).length).toBeGreaterThan(running.length * 0.5)
    expect(running.filter((l) => l.endDate <= addDays(today, 90)).length).toBeGreaterThan(0)
    expect(leases.filter((l) => l.endDate < today).length).toBeGreaterThan(0)
    expect(new Set(leases.map((l) => l.tenantKind))).toEqual(new Set(['person', 'company']))
    expect(new Set(leases.map((l) => l.schedule))).toEqual(new Set(['monthly', 'quarterly', 'annual']))
    const companies = leases.filter((l) => l.tenantKind === 'company')
    expect(companies.every((l) => /^\d{9}$/.test(l.tenantIdNumber))).toBe(true)
    expect(
      leases.filter((l) => l.tenantKind === 'person').every((l) => /^\d{11}$/.test(l.tenantIdNumber)),
    ).toBe(true)
  })

  it('is settled data: no outbox rows and no history, since no clerk made it', () => {
    expect(count('outbox')).toBe(0)
    expect(count('record_history')).toBe(0)
    const system = all(
      `SELECT DISTINCT version, field_versions, updated_by FROM property_object
       UNION SELECT DISTINCT version, field_versions, updated_by FROM property_lease_payment`,
    )
    expect(system).toEqual([{ version: 1, field_versions: '{}', updated_by: 'system' }])
  })

  it('keeps every index the schema declares (dropped for the load, built again after it)', () => {
    const names = all(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'property_%' ORDER BY name`,
    ).map((r) => r.name)
    expect(names).toEqual(expect.arrayContaining(['property_object_inventory', 'property_lease_object']))
    expect(names.length).toBeGreaterThanOrEqual(13)
  })

  it('is searchable as a clerk types, in Georgian and on a Latin layout', () => {
    const search = (text: string) =>
      listPropertyObjects(db, PropertyListQuery.parse({ search: text, limit: 5 }), today).total
    expect(search('რუსთაველის')).toBeGreaterThan(0)
    expect(search('rusTavelis')).toBe(search('რუსთაველის'))
    expect(search('RST-')).toBe(OBJECTS)
    const code = all('SELECT code FROM property_cadastral_code WHERE valid_to IS NULL LIMIT 1')[0]!.code
    expect(search(String(code))).toBeGreaterThan(0)
  })

  it('lists the same pages whichever way a search finds them', () => {
    const unit = String(all('SELECT id FROM territorial_unit ORDER BY code LIMIT 1 OFFSET 2')[0]!.id)
    const code = String(
      all('SELECT code FROM property_cadastral_code WHERE valid_to IS NULL LIMIT 1')[0]!.code,
    )
    const tenant = String(all('SELECT tenant_id_number AS t FROM property_lease LIMIT 1')[0]!.t)
    const searches = ['', 'RST-', 'r', 'ს', 'რუსთაველის', 'rusTavelis', '02.0', code, code.slice(0, 9)]
    searches.push('XIV მიკრ', tenant.slice(0, 3), 'შპს', 'ქ', 'zzzz')
    const shapes: QueryInput[] = [
      { sort: 'inventoryNumber' },
      { sort: 'name', direction: 'desc', offset: 150 },
      { sort: 'address', type: 'premises' },
      { sort: 'areaSqm', direction: 'desc', state: 'leased', offset: 20 },
      { sort: 'type', territorialUnitId: unit },
      { sort: 'state', direction: 'desc', offset: 1_900 },
      { sort: 'bookValueTetri', type: 'land', state: 'vacant' },
      { sort: 'updatedAt', offset: 100, limit: 50 },
    ]
    const tunings: SearchTuning[] = [
      { window: 400, sortMax: 3_000 },
      { window: 0, sortMax: 0 },
      { window: 0, sortMax: 1_000_000 },
      { window: 5_000, sortMax: 0 },
      { window: 120, sortMax: 0 },
    ]
    for (const search of searches) {
      for (const shape of shapes) {
        const query = PropertyListQuery.parse({ ...shape, search })
        const expected = reference(query)
        for (const tuning of tunings) {
          const got = listPropertyObjects(db, query, today, tuning)
          expect({ search, shape, tuning, total: got.total, ids: got.rows.map((r) => r.id) }).toEqual({
            search,
            shape,
            tuning,
            ...expected,
          })
        }
      }
    }
  })

  /** The plainest query for a page: every filter and the search in one WHERE, the list's order. */
  function reference(query: ReturnType<typeof PropertyListQuery.parse>) {
    const where = ['o.deleted_at IS NULL']
    const params: Record<string, unknown> = {}
    if (query.type) where.push('o.type = @type')
    if (query.state) where.push('o.state = @state')
    if (query.territorialUnitId) where.push('o.territorial_unit_id = @unit')
    Object.assign(params, { type: query.type, state: query.state, unit: query.territorialUnitId })
    const match = propertyMatchExpression(query.search)
    if (match) {
      where.push('o.id IN (SELECT object_id FROM property_search WHERE property_search MATCH @match)')
      params.match = match
    }
    const direction = query.direction === 'desc' ? 'DESC' : 'ASC'
    const order = [...listOrderColumns[query.sort], 'rowid'].map((c) => `o.${c} ${direction}`).join(', ')
    const sql = `FROM property_object o WHERE ${where.join(' AND ')}`
    const total = (db.$client.prepare(`SELECT count(*) AS n ${sql}`).get(params) as { n: number }).n
    const ids = (
      db.$client
        .prepare(`SELECT o.id ${sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: query.limit, offset: query.offset }) as { id: string }[]
    ).map((r) => r.id)
    return { total, ids }
  }

  it('re-keys the search index when object rowids no longer line up with it', () => {
    const last = db.$client
      .prepare('SELECT rowid AS r, object_id AS id, body FROM property_search ORDER BY rowid DESC LIMIT 1')
      .get() as { r: number; id: string; body: string }
    // what a migration that rebuilds property_object could leave behind: an FTS row under a stale rowid
    db.$client.prepare('DELETE FROM property_search WHERE rowid = ?').run(last.r)
    db.$client
      .prepare('INSERT INTO property_search (rowid, object_id, body) VALUES (?, ?, ?)')
      .run(last.r + 5_000, last.id, last.body)
    const other = new Database(store.file)
    try {
      ensurePropertySearchAligned(other)
    } finally {
      other.close()
    }
    const rowid = db.$client.prepare('SELECT rowid FROM property_object WHERE id = ?').pluck().get(last.id)
    expect(
      db.$client.prepare('SELECT rowid FROM property_search WHERE object_id = ?').pluck().all(last.id),
    ).toEqual([rowid])
    expect(count('property_search')).toBe(OBJECTS)
  })

  it('adds nothing when run again', () => {
    const before = counts()
    seedDemoProperty(db, { objects: OBJECTS, today: now, seed: 8 })
    expect(counts()).toEqual(before)
  })

  it('generates the same registry for the same seed', () => {
    const units = ['u1', 'u2', 'u3']
    const content = (seed: number) =>
      [
        ...demoPropertyRows(units, { objects: 200, today: now, seed, newId: () => crypto.randomUUID() }),
      ].flatMap((group) =>
        group.map((c) => {
          const { objectId: _o, leaseId: _l, ...values } = c.values
          return `${c.entity} ${JSON.stringify(values)}`
        }),
      )
    expect(content(3)).toEqual(content(3))
    expect(content(3)).not.toEqual(content(4))
  })
})
