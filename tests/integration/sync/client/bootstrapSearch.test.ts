import { statSync } from 'node:fs'
import { v7 as uuidv7 } from 'uuid'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkpointsInBackground } from '../../../../db/backgroundCheckpoint'
import { listPropertyObjects } from '../../../../db/property/listObjects'
import { propertySearchIndex } from '../../../../db/property/searchIndex'
import { applyPullPage } from '../../../../db/sync/applyPullPage'
import { applySnapshotPage } from '../../../../db/sync/applySnapshotPage'
import { buildIndexesNow } from '../../../../db/sync/indexBuild'
import { slicesOfPullPage } from '../../../../db/sync/pullSlices'
import { PropertyListQuery } from '../../../../domain/property/views'
import type { ServerRow } from '../../../../domain/sync/protocol'
import { entry, objectPut, objectValues } from './syncSamples'
import { syncStore } from './syncStore'

const derived = [propertySearchIndex]
const today = '2026-03-02'

const objectRow = (rowId: string, inventoryNumber: string, name: string): ServerRow => ({
  entity: 'propertyObject',
  rowId,
  scope: 'property',
  values: objectValues({ inventoryNumber, name }),
  fieldVersions: { '*': 10 },
  deletedAt: null,
})
const codeRow = (objectId: string, code: string): ServerRow => ({
  entity: 'propertyCadastralCode',
  rowId: uuidv7(),
  scope: 'property',
  values: { objectId, code, validFrom: '2020-01-01', validTo: null, reason: 'registration' },
  fieldVersions: { '*': 11 },
  deletedAt: null,
})
const leaseRow = (objectId: string, tenantName: string, tenantIdNumber: string): ServerRow => ({
  entity: 'propertyLease',
  rowId: uuidv7(),
  scope: 'property',
  values: {
    objectId,
    contractNumber: `L-${tenantIdNumber}`,
    tenantKind: 'person',
    tenantName,
    tenantIdNumber,
    tenantPhone: null,
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    annualRentTetri: 120_000,
    schedule: 'monthly',
    legalBasis: 'auction',
    terminatedOn: null,
  },
  fieldVersions: { '*': 12 },
  deletedAt: null,
})

describe('search after a bootstrap', () => {
  let s: ReturnType<typeof syncStore>
  beforeEach(() => {
    s = syncStore()
  })
  afterEach(() => s.close())

  const found = (search: string) =>
    listPropertyObjects(s.db, PropertyListQuery.parse({ search, limit: 10 }), today).rows.map((r) => r.id)

  it('finds objects by name, cadastral code and tenant once the scope turns live, not page by page', () => {
    const a = uuidv7()
    const b = uuidv7()
    // Objects, their codes and their leases arrive on separate pages, as the server orders them.
    const pages: ServerRow[][] = [
      [objectRow(a, 'INV-7001', 'ბიბლიოთეკა'), objectRow(b, 'INV-7002', 'სკოლა')],
      [codeRow(a, '02.07.11.001'), codeRow(b, '02.07.11.777')],
      [leaseRow(a, 'ლევან ბერიძე', '01019012345'), leaseRow(b, 'შპს ნათელი', '404123987')],
    ]
    pages.forEach((rows, i) => {
      applySnapshotPage(
        s.db,
        'property',
        { snapshotSeq: 20, rows, next: i < pages.length - 1 ? `page-${i + 2}` : null },
        derived,
      )
      // While bootstrapping the index is left alone: it is built once, at the end.
      if (i < pages.length - 1)
        expect(s.client.prepare('SELECT count(*) FROM property_search').pluck().get()).toBe(0)
    })
    buildIndexesNow(s.db, 'property', derived)
    expect(found('ბიბლიოთეკა')).toEqual([a])
    expect(found('INV-7002')).toEqual([b])
    expect(found('02.07.11.777')).toEqual([b])
    expect(found('ბერიძე')).toEqual([a])
    expect(found('01019012345')).toEqual([a])
    expect(found('ნათელი')).toEqual([b])
  })

  it('keeps the index in step when a pull after the bootstrap renames an object', () => {
    const a = uuidv7()
    applySnapshotPage(
      s.db,
      'property',
      { snapshotSeq: 20, rows: [objectRow(a, 'INV-7101', 'ბიბლიოთეკა')], next: null },
      derived,
    )
    buildIndexesNow(s.db, 'property', derived)
    applyPullPage(
      s.db,
      'property',
      {
        changes: [
          entry({ seq: 21, rowId: a, values: { notes: 'შემოწმდა' } }),
          entry({ seq: 22, rowId: a, values: { name: 'თეატრი' } }),
        ],
        next: 22,
        hasMore: false,
      },
      derived,
    )
    expect(found('თეატრი')).toEqual([a])
    expect(found('ბიბლიოთეკა')).toEqual([])
    expect(s.searchHits(a)).toBe(1)
  })
})

describe('slices of a pulled page', () => {
  it('cut only between server transactions, each slice moving the cursor to its last change', () => {
    const changes = [
      objectPut(101),
      objectPut(102),
      { ...objectPut(103), txSeq: 103 },
      { ...objectPut(104), txSeq: 103 },
      { ...objectPut(105), txSeq: 103 },
      objectPut(106),
    ]
    const slices = slicesOfPullPage({ changes, next: 110, hasMore: true }, 2)
    expect(slices.map((p) => [p.changes.map((c) => c.seq), p.next, p.hasMore])).toEqual([
      [[101, 102], 102, true],
      [[103, 104, 105], 105, true],
      [[106], 110, true],
    ])
    // Small or out of order pages are left whole.
    expect(slicesOfPullPage({ changes, next: 110, hasMore: false }, 10)).toHaveLength(1)
    const shuffled = [changes[1]!, changes[0]!, changes[5]!]
    expect(slicesOfPullPage({ changes: shuffled, next: 110, hasMore: false }, 1)).toHaveLength(1)
  })

  it('applied one by one leave the store as the whole page does', () => {
    const whole = syncStore()
    const sliced = syncStore()
    try {
      const changes = Array.from({ length: 9 }, (_, i) => ({
        ...objectPut(201 + i),
        txSeq: 201 + i - (i % 3),
      }))
      const page = { changes, next: 215, hasMore: false }
      applyPullPage(whole.db, 'property', page, derived)
      for (const slice of slicesOfPullPage(page, 2)) applyPullPage(sliced.db, 'property', slice, derived)
      const dump = (store: typeof whole) =>
        store.client.prepare('SELECT id, name, field_versions FROM property_object ORDER BY id').all()
      expect(dump(sliced)).toEqual(dump(whole))
      expect(sliced.cursor('property')).toBe(215)
      expect(sliced.client.prepare('SELECT count(*) FROM property_search').pluck().get()).toBe(9)
    } finally {
      whole.close()
      sliced.close()
    }
  })
})

describe('commit durability of sync pages', () => {
  it('commits a page without the fsync and gives the clerks back synchronous = FULL, even after a failure', () => {
    const s = syncStore()
    try {
      const synchronous = () => s.client.pragma('synchronous', { simple: true })
      expect(synchronous()).toBe(2)
      const a = uuidv7()
      applyPullPage(s.db, 'property', { changes: [objectPut(301, a)], next: 301, hasMore: false }, derived)
      expect(synchronous()).toBe(2)
      const broken = () => {
        throw new Error('index failed')
      }
      expect(() =>
        applyPullPage(s.db, 'property', { changes: [objectPut(302)], next: 302, hasMore: false }, [broken]),
      ).toThrow('index failed')
      expect(synchronous()).toBe(2)
      expect(s.cursor('property')).toBe(301)
    } finally {
      s.close()
    }
  })
})

describe('WAL during a long run of pages', () => {
  /**
   * Snapshot pages of 50 new objects each, with the engine's checkpoints (in a worker thread) after
   * each when `checkpointEvery` is given: how much the WAL file grew over the second half of them.
   */
  const walGrowthOverSecondHalf = async (checkpointEvery: number | null) => {
    const s = syncStore()
    const checkpoints = checkpointEvery === null ? null : checkpointsInBackground(s.client, checkpointEvery)
    const walSize = () => statSync(`${s.file}-wal`).size
    try {
      let half = 0
      for (let page = 0; page < 60; page++) {
        const rows = Array.from({ length: 50 }, (_, i) => objectRow(uuidv7(), `W-${page}-${i}`, 'საწყობი'))
        applySnapshotPage(s.db, 'property', { snapshotSeq: 5, rows, next: `page-${page + 2}` }, derived)
        await checkpoints?.afterSlice()
        // A turn of the event loop between pages, as the engine gives: the worker's answers arrive.
        await new Promise((resolve) => setTimeout(resolve, 10))
        if (page === 29) half = walSize()
      }
      await checkpoints?.close()
      expect(s.client.prepare('SELECT count(*) FROM property_object').pluck().get()).toBe(3_000)
      return walSize() - half
    } finally {
      s.close()
    }
  }

  it('stops growing when checkpointed every few pages, instead of holding them all', async () => {
    const unbounded = await walGrowthOverSecondHalf(null)
    const bounded = await walGrowthOverSecondHalf(3)
    expect(bounded).toBeLessThan(unbounded / 3)
  })
})
