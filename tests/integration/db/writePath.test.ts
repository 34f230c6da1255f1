import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { historyOf } from '../../../db/history'
import { propertyMatchExpression } from '../../../db/property/searchIndex'
import { withGateOpen } from '../../../db/writeGuard'
import { decodeHlc } from '../../../domain/time/hlc'
import { seedTerritorialUnits, systemActor } from '../../../electron/backend/seed/territorialUnits'
import { tempStore } from '../../support/tempStore'

const clerk = { userId: 'u-clerk', userName: 'ნინო კაპანაძე' }

const objectValues = (unitId: string, inventoryNumber = 'RST-0001') => ({
  inventoryNumber,
  name: 'საბავშვო ბაღის შენობა',
  type: 'building',
  propertyClass: 'basic',
  state: 'inUse',
  territorialUnitId: unitId,
  street: 'მეგობრობის გამზირი',
  building: '12',
  apartment: '',
  postalCode: '3700',
  addressNote: '',
  areaSqm: 420.5,
  purpose: 'საგანმანათლებლო',
  bookValueTetri: 125_000_00,
  marketValueTetri: null,
  acquiredOn: '2015-03-12',
  acquisitionMethod: 'stateTransfer',
  acquisitionAct: '',
  custodian: 'ბაგა-ბაღების გაერთიანება',
  notes: '',
})

describe('the write path', () => {
  let store: ReturnType<typeof tempStore>
  let unitId: string
  beforeEach(() => {
    store = tempStore()
    seedTerritorialUnits(store.db, new Date())
    unitId = (store.db.$client.prepare('SELECT id FROM territorial_unit LIMIT 1').get() as { id: string }).id
  })
  afterEach(() => store.close())

  const outbox = () =>
    store.db.$client.prepare('SELECT * FROM outbox ORDER BY seq').all() as {
      seq: number
      mutation_id: string
      entity: string
      row_id: string
      op: string
      fields: string
      base_versions: string
      hlc: string
      user_id: string
    }[]

  it('records one outbox row and one history entry per changed row, in the same transaction', () => {
    const before = outbox().length
    const [created] = store.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues(unitId) },
    ])
    const rows = outbox().slice(before)
    expect(rows).toHaveLength(1)
    const row = rows[0]!
    expect(row).toMatchObject({
      entity: 'propertyObject',
      row_id: created!.id,
      op: 'insert',
      user_id: 'u-clerk',
    })
    expect(JSON.parse(row.fields)).toMatchObject({ inventoryNumber: 'RST-0001', bookValueTetri: 125_000_00 })
    // a new row has no server versions to be based on
    expect(JSON.parse(row.base_versions)).toEqual({})
    const history = store.db.$client.prepare('SELECT * FROM record_history WHERE row_id = ?').all(created!.id)
    expect(history).toHaveLength(1)
  })

  it('sends only changed fields with the server versions they were based on, and leaves those alone', () => {
    const [created] = store.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues(unitId) },
    ])
    const edit = (values: Record<string, unknown>) => {
      store.write(clerk, [{ op: 'update', entity: 'propertyObject', id: created!.id, values }])
      return outbox().at(-1)!
    }
    const stored = () =>
      store.db.$client
        .prepare('SELECT version, field_versions FROM property_object WHERE id = ?')
        .get(created!.id) as { version: number; field_versions: string }

    // not yet confirmed by the server: no base version
    const first = edit({ state: 'vacant', name: 'საბავშვო ბაღის შენობა' })
    expect(first.op).toBe('update')
    expect(JSON.parse(first.fields)).toEqual({ state: 'vacant' })
    expect(JSON.parse(first.base_versions)).toEqual({ state: null })
    expect(stored()).toEqual({ version: 2, field_versions: '{}' })

    // as the sync applier leaves it once the server has confirmed the row (seq 40) and a later
    // change of the name (seq 52)
    const client = store.db.$client
    client.transaction(() =>
      withGateOpen(client, () =>
        client
          .prepare('UPDATE property_object SET field_versions = ? WHERE id = ?')
          .run(JSON.stringify({ '*': 40, name: 52 }), created!.id),
      ),
    )()
    const second = edit({ state: 'inUse', name: 'ბაღი' })
    expect(JSON.parse(second.base_versions)).toEqual({ state: 40, name: 52 })
    expect(stored()).toEqual({ version: 3, field_versions: JSON.stringify({ '*': 40, name: 52 }) })
  })

  it('writes nothing for an update that changes nothing', () => {
    const [created] = store.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues(unitId) },
    ])
    const count = outbox().length
    const written = store.write(clerk, [
      { op: 'update', entity: 'propertyObject', id: created!.id, values: { state: 'inUse' } },
    ])
    expect(written).toEqual([])
    expect(outbox()).toHaveLength(count)
  })

  it('gives device sequence numbers without gaps and HLC times that only grow', () => {
    const [created] = store.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues(unitId) },
    ])
    for (const state of ['vacant', 'leased', 'inUse', 'vacant'] as const) {
      store.write(clerk, [{ op: 'update', entity: 'propertyObject', id: created!.id, values: { state } }])
    }
    const rows = outbox()
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1))
    const hlcs = rows.map((r) => r.hlc)
    expect([...hlcs].sort()).toEqual(hlcs)
    expect(new Set(hlcs).size).toBe(hlcs.length)
    const deviceId = (
      store.db.$client.prepare('SELECT device_id FROM device_state').get() as { device_id: string }
    ).device_id
    expect(decodeHlc(hlcs[0]!).deviceId).toBe(deviceId)
  })

  it('keeps HLC order when the clock jumps back a day', () => {
    let nowMs = Date.parse('2026-11-24T10:00:00Z')
    store.close()
    store = tempStore(() => new Date(nowMs))
    seedTerritorialUnits(store.db, new Date())
    nowMs -= 24 * 3_600_000
    store.write(systemActor, [
      { op: 'update', entity: 'territorialUnit', id: unitIdOf(store), values: { nameEn: 'Unit' } },
    ])
    const hlcs = outbox().map((r) => r.hlc)
    expect([...hlcs].sort()).toEqual(hlcs)
  })

  it('refuses an update based on a stale version and writes nothing', () => {
    const [created] = store.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues(unitId) },
    ])
    store.write(clerk, [
      {
        op: 'update',
        entity: 'propertyObject',
        id: created!.id,
        values: { state: 'vacant' },
        expectedVersion: 1,
      },
    ])
    const count = outbox().length
    expect(() =>
      store.write(clerk, [
        {
          op: 'update',
          entity: 'propertyObject',
          id: created!.id,
          values: { state: 'leased' },
          expectedVersion: 1,
        },
      ]),
    ).toThrow(expect.objectContaining({ code: 'STALE_VERSION' }))
    expect(outbox()).toHaveLength(count)
  })

  it('rolls back every change of a call when one fails', () => {
    const count = outbox().length
    expect(() =>
      store.write(clerk, [
        { op: 'insert', entity: 'propertyObject', values: objectValues(unitId, 'RST-A') },
        {
          op: 'update',
          entity: 'propertyObject',
          id: '0190aaaa-0000-7000-8000-000000000000',
          values: { state: 'vacant' },
        },
      ]),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(outbox()).toHaveLength(count)
    expect(
      store.db.$client
        .prepare("SELECT count(*) AS n FROM property_object WHERE inventory_number = 'RST-A'")
        .get(),
    ).toEqual({
      n: 0,
    })
  })

  it('leaves nothing of a failed call behind for the next one', () => {
    expect(() =>
      store.write(clerk, [
        { op: 'insert', entity: 'propertyObject', values: objectValues(unitId, 'RST-A') },
        { op: 'delete', entity: 'propertyObject', id: '0190aaaa-0000-7000-8000-000000000000' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    const [saved] = store.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues(unitId, 'RST-B') },
    ])
    expect(outbox().map((r) => r.row_id)).toEqual([saved!.id])
    expect(store.db.$client.prepare('SELECT row_id FROM record_history').pluck().all()).toEqual([saved!.id])
  })

  it('writes many rows of one call in order, with an outbox row and a history entry each', () => {
    const inventory = Array.from({ length: 123 }, (_, i) => `RST-${String(i).padStart(4, '0')}`)
    const written = store.write(
      clerk,
      inventory.map((n) => ({
        op: 'insert' as const,
        entity: 'propertyObject' as const,
        values: objectValues(unitId, n),
      })),
    )
    const rows = outbox()
    expect(rows.map((r) => r.row_id)).toEqual(written.map((w) => w.id))
    expect(rows.map((r) => r.seq)).toEqual(inventory.map((_, i) => rows[0]!.seq + i))
    expect(rows.map((r) => JSON.parse(r.fields).inventoryNumber)).toEqual(inventory)
    const history = store.db.$client
      .prepare('SELECT mutation_id FROM record_history ORDER BY hlc')
      .pluck()
      .all()
    expect(history).toEqual(rows.map((r) => r.mutation_id))
  })

  it("shows an insert in the record's history as every field set from nothing", () => {
    const [created] = store.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues(unitId) },
    ])
    store.write(clerk, [
      { op: 'update', entity: 'propertyObject', id: created!.id, values: { state: 'vacant' } },
    ])
    const [update, insert] = historyOf(store.db, created!.id)
    expect(update).toMatchObject({ op: 'update', changes: [{ field: 'state', from: 'inUse', to: 'vacant' }] })
    expect(insert).toMatchObject({ op: 'insert', userName: clerk.userName })
    expect(insert!.changes).toEqual(
      Object.entries(objectValues(unitId)).map(([field, to]) => ({ field, from: null, to })),
    )
  })

  it('deletes as a tombstone that keeps the row and refuses later edits', () => {
    const [created] = store.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues(unitId) },
    ])
    store.write(clerk, [{ op: 'delete', entity: 'propertyObject', id: created!.id }])
    const row = store.db.$client
      .prepare('SELECT deleted_at FROM property_object WHERE id = ?')
      .get(created!.id) as {
      deleted_at: string | null
    }
    expect(row.deleted_at).not.toBeNull()
    expect(outbox().at(-1)).toMatchObject({ op: 'delete', row_id: created!.id })
    expect(() =>
      store.write(clerk, [
        { op: 'update', entity: 'propertyObject', id: created!.id, values: { state: 'vacant' } },
      ]),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })

  it('refuses system columns in a change', () => {
    const [created] = store.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues(unitId) },
    ])
    expect(() =>
      store.write(clerk, [
        { op: 'update', entity: 'propertyObject', id: created!.id, values: { version: 99 } },
      ]),
    ).toThrow()
  })

  it('makes the database itself refuse writes to replicated tables that bypass the write path', () => {
    const client = store.db.$client
    expect(() => client.prepare("UPDATE territorial_unit SET name_en = 'x'").run()).toThrow(
      /outside the write path/,
    )
    expect(() => client.prepare('DELETE FROM territorial_unit').run()).toThrow(/outside the write path/)
    expect(() =>
      client
        .prepare(
          "INSERT INTO territorial_unit (id, code, name_ka, name_en, created_at, updated_at, updated_by) VALUES ('x','99','ა','a','','','')",
        )
        .run(),
    ).toThrow(/outside the write path/)
  })

  it('keeps the full-text index in step with objects, codes and tenants', () => {
    const [created] = store.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues(unitId) },
    ])
    const find = (match: string) =>
      (
        store.db.$client
          .prepare('SELECT object_id FROM property_search WHERE property_search MATCH ?')
          .all(match) as {
          object_id: string
        }[]
      ).map((r) => r.object_id)
    expect(find('"მეგობრობის"*')).toEqual([created!.id])
    expect(find('"megobrobis"*')).toEqual([created!.id])
    const [code] = store.write(clerk, [
      {
        op: 'insert',
        entity: 'propertyCadastralCode',
        subjectId: created!.id,
        values: {
          objectId: created!.id,
          code: '02.05.11.004.017',
          validFrom: '2020-01-01',
          validTo: null,
          reason: 'registration',
        },
      },
    ])
    // As the list searches it: each part of the code a word (the index keeps no positions).
    expect(find(propertyMatchExpression('02.05.11')!)).toEqual([created!.id])
    // The code names the object: it goes first (the write path keeps a parent its children name).
    store.write(clerk, [
      { op: 'delete', entity: 'propertyCadastralCode', id: code!.id, subjectId: created!.id },
      { op: 'delete', entity: 'propertyObject', id: created!.id },
    ])
    expect(find('"მეგობრობის"*')).toEqual([])
  })
})

function unitIdOf(store: ReturnType<typeof tempStore>): string {
  return (store.db.$client.prepare('SELECT id FROM territorial_unit LIMIT 1').get() as { id: string }).id
}
