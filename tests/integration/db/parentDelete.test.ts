import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DomainError } from '../../../domain/errors'
import { seedTerritorialUnits } from '../../../electron/backend/seed/territorialUnits'
import { sampleLease, sampleObject } from '../../support/propertySamples'
import { tempStore } from '../../support/tempStore'

// A record that live records still name cannot be deleted on the PC: the write path refuses it with
// HAS_CHILDREN, naming each kind and how many, and changes nothing.

const clerk = { userId: 'u-clerk', userName: 'ნინო კაპანაძე' }

describe('deleting a record that live records still name', () => {
  let store: ReturnType<typeof tempStore>
  let objectId: string
  let codeId: string
  let leaseIds: string[]
  beforeEach(() => {
    store = tempStore()
    seedTerritorialUnits(store.db, new Date())
    const unitId = store.db.$client.prepare('SELECT id FROM territorial_unit LIMIT 1').pluck().get() as string
    const { cadastralCode: _code, ...object } = sampleObject(unitId)
    const [created] = store.write(clerk, [{ op: 'insert', entity: 'propertyObject', values: object }])
    objectId = created!.id
    const written = store.write(clerk, [
      {
        op: 'insert',
        entity: 'propertyCadastralCode',
        values: {
          objectId,
          code: '02.07.13.005.044',
          validFrom: '2016-05-20',
          validTo: null,
          reason: 'registration',
        },
      },
      { op: 'insert', entity: 'propertyLease', values: { ...sampleLease(objectId), terminatedOn: null } },
      {
        op: 'insert',
        entity: 'propertyLease',
        values: { ...sampleLease(objectId, { contractNumber: 'ქ-2025/0002' }), terminatedOn: null },
      },
    ])
    codeId = written[0]!.id
    leaseIds = written.slice(1).map((w) => w.id)
  })
  afterEach(() => store.close())

  const count = (sql: string) => store.db.$client.prepare(sql).pluck().get() as number
  const snapshot = () => ({
    outbox: count('SELECT count(*) FROM outbox'),
    history: count('SELECT count(*) FROM record_history'),
    live: count(`SELECT count(*) FROM property_object WHERE id = '${objectId}' AND deleted_at IS NULL`),
    version: count(`SELECT version FROM property_object WHERE id = '${objectId}'`),
    lastSeq: count('SELECT last_seq FROM device_state'),
  })

  it('is refused with HAS_CHILDREN naming each kind and count, and nothing changes', () => {
    const before = snapshot()
    let thrown: unknown
    try {
      store.write(clerk, [{ op: 'delete', entity: 'propertyObject', id: objectId }])
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DomainError)
    const error = thrown as DomainError
    expect(error.code).toBe('HAS_CHILDREN')
    expect(error.children).toEqual(
      expect.arrayContaining([
        { entity: 'propertyLease', count: 2 },
        { entity: 'propertyCadastralCode', count: 1 },
      ]),
    )
    expect(error.children).toHaveLength(2)
    expect(error.message).toContain('2 propertyLease')
    expect(snapshot()).toEqual(before)
  })

  it('refuses the whole save when one of its changes is refused: an edit before the delete is undone too', () => {
    const before = snapshot()
    expect(() =>
      store.write(clerk, [
        { op: 'update', entity: 'propertyObject', id: objectId, values: { notes: 'ჩამოწერისთვის' } },
        { op: 'delete', entity: 'propertyObject', id: objectId },
      ]),
    ).toThrow(expect.objectContaining({ code: 'HAS_CHILDREN' }))
    expect(snapshot()).toEqual(before)
    expect(count(`SELECT count(*) FROM property_object WHERE notes = 'ჩამოწერისთვის'`)).toBe(0)
  })

  it('counts only live children: deleted earlier, or in the same save before their parent, they do not hold it', () => {
    store.write(clerk, [{ op: 'delete', entity: 'propertyLease', id: leaseIds[0]! }])
    expect(() => store.write(clerk, [{ op: 'delete', entity: 'propertyObject', id: objectId }])).toThrow(
      expect.objectContaining({
        code: 'HAS_CHILDREN',
        children: [
          { entity: 'propertyCadastralCode', count: 1 },
          { entity: 'propertyLease', count: 1 },
        ],
      }),
    )
    const written = store.write(clerk, [
      { op: 'delete', entity: 'propertyLease', id: leaseIds[1]! },
      { op: 'delete', entity: 'propertyCadastralCode', id: codeId },
      { op: 'delete', entity: 'propertyObject', id: objectId },
    ])
    expect(written.map((w) => w.op)).toEqual(['delete', 'delete', 'delete'])
    expect(snapshot().live).toBe(0)
  })

  it('lets a child go while its parent stays, and a parent without children go', () => {
    const unitId = store.db.$client.prepare('SELECT id FROM territorial_unit LIMIT 1').pluck().get() as string
    const { cadastralCode: _code, ...object } = sampleObject(unitId, { inventoryNumber: 'RST-2026-900002' })
    const [lonely] = store.write(clerk, [{ op: 'insert', entity: 'propertyObject', values: object }])
    store.write(clerk, [{ op: 'delete', entity: 'propertyObject', id: lonely!.id }])
    expect(
      count(`SELECT count(*) FROM property_object WHERE id = '${lonely!.id}' AND deleted_at IS NULL`),
    ).toBe(0)
    // A territorial unit is named by live objects: it stays.
    expect(() => store.write(clerk, [{ op: 'delete', entity: 'territorialUnit', id: unitId }])).toThrow(
      expect.objectContaining({ code: 'HAS_CHILDREN', children: [{ entity: 'propertyObject', count: 1 }] }),
    )
  })
})
