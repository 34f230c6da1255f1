import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeServerState } from '../../../../db/sync/rowState'
import { insertSnapshotRow, writtenOf } from '../../../../db/sync/snapshotInsert'
import { withGateOpen } from '../../../../db/writeGuard'
import type { ServerRow } from '../../../../domain/sync/protocol'
import { clerk, objectValues, unitId } from './syncSamples'
import { syncStore } from './syncStore'

// A bootstrap writes a row the PC does not hold in one INSERT (db/sync/snapshotInsert.ts); the rows
// it leaves must be exactly those the general path (writeServerState) leaves.

const at = '2026-11-25T08:00:00.000Z'
const objectId = '0190a3c0-0000-7000-8000-00000000e001'
const rows: ServerRow[] = [
  {
    entity: 'propertyObject',
    rowId: objectId,
    scope: 'property',
    values: {
      ...objectValues({ inventoryNumber: 'RST-9001', marketValueTetri: null }),
      createdAt: '2024-02-01T09:00:00.000Z',
    },
    fieldVersions: { '*': 12, name: 40 },
    deletedAt: null,
  },
  {
    // A tombstone a live child still names; no createdAt among its values.
    entity: 'propertyObject',
    rowId: '0190a3c0-0000-7000-8000-00000000e002',
    scope: 'property',
    values: objectValues({ inventoryNumber: 'RST-9002' }),
    fieldVersions: { '*': 15 },
    deletedAt: '2026-10-01T10:00:00.000Z',
  },
  {
    entity: 'propertyCadastralCode',
    rowId: '0190a3c0-0000-7000-8000-00000000e003',
    scope: 'property',
    values: { objectId, code: '02.07.01.004.012', validFrom: '2020-01-01', validTo: null, reason: '' },
    fieldVersions: { '*': 13 },
    deletedAt: null,
  },
]

function tableRows(client: ReturnType<typeof syncStore>['client']) {
  return {
    objects: client.prepare('SELECT * FROM property_object ORDER BY id').all(),
    codes: client.prepare('SELECT * FROM property_cadastral_code ORDER BY id').all(),
  }
}

describe('a new snapshot row in one INSERT', () => {
  let fast: ReturnType<typeof syncStore>
  let general: ReturnType<typeof syncStore>
  beforeEach(() => {
    fast = syncStore()
    general = syncStore()
  })
  afterEach(() => {
    fast.close()
    general.close()
  })

  it('leaves the same rows, and the same history subjects, as the general path', () => {
    const viaInsert = fast.client.transaction(() =>
      withGateOpen(fast.client, () =>
        rows.map((row) => {
          const inserted = insertSnapshotRow(fast.client, row, at)
          return inserted && writtenOf(fast.client, inserted)
        }),
      ),
    )()
    const viaGeneral = general.client.transaction(() =>
      withGateOpen(general.client, () =>
        rows.map((row) => {
          const outcome = writeServerState(general.client, {
            entity: row.entity,
            rowId: row.rowId,
            values: row.values,
            deletedAt: row.deletedAt,
            versionOf: (field) => row.fieldVersions[field] ?? row.fieldVersions['*'] ?? 50,
            seq: null,
            wholeRow: row.fieldVersions,
            at,
            userId: null,
          })
          return outcome.kind === 'written' ? outcome.written : null
        }),
      ),
    )()
    expect(viaInsert).toEqual(viaGeneral)
    expect(viaInsert.map((w) => w?.subjectId)).toEqual([objectId, rows[1]!.rowId, objectId])
    expect(tableRows(fast.client)).toEqual(tableRows(general.client))
    expect(fast.object(objectId)).toMatchObject({
      version: 1,
      created_at: '2024-02-01T09:00:00.000Z',
      updated_at: at,
    })
  })

  it('leaves a row the PC already holds to the general path, untouched', () => {
    const client = fast.client
    const [mine] = fast.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues({ inventoryNumber: 'RST-0042' }) },
    ])
    const before = fast.object(mine!.id)
    const again: ServerRow = {
      entity: 'propertyObject',
      rowId: mine!.id,
      scope: 'property',
      values: objectValues({ inventoryNumber: 'RST-0042', name: 'სხვა სახელი' }),
      fieldVersions: { '*': 30 },
      deletedAt: null,
    }
    const result = client.transaction(() =>
      withGateOpen(client, () => insertSnapshotRow(client, again, at)),
    )()
    expect(result).toBeNull()
    expect(fast.object(mine!.id)).toEqual(before)
  })

  it('leaves a row without a required field, or of an entity this PC does not know, to the general path', () => {
    const client = fast.client
    const { name: _, ...withoutName } = objectValues()
    const lacking: ServerRow = { ...rows[0]!, values: { ...withoutName, territorialUnitId: unitId } }
    const unknown = { ...rows[0]!, entity: 'futureEntity' } as unknown as ServerRow
    const results = client.transaction(() =>
      withGateOpen(client, () => [
        insertSnapshotRow(client, lacking, at),
        insertSnapshotRow(client, unknown, at),
      ]),
    )()
    expect(results).toEqual([null, null])
    expect(client.prepare('SELECT count(*) FROM property_object').pluck().get()).toBe(0)
  })
})
