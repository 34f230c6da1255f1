import type Database from 'better-sqlite3'
import { v7 as uuidv7 } from 'uuid'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listPropertyObjects } from '../../../../db/property/listObjects'
import { propertySearchIndex } from '../../../../db/property/searchIndex'
import { applySnapshotPage } from '../../../../db/sync/applySnapshotPage'
import { buildIndexesNow } from '../../../../db/sync/indexBuild'
import { scopeState } from '../../../../db/sync/scopeState'
import { missingSecondaryIndexes, secondaryIndexesOf } from '../../../../db/sync/secondaryIndexes'
import type { DerivedIndex } from '../../../../db/writePath'
import { PropertyListQuery } from '../../../../domain/property/views'
import type { ServerRow } from '../../../../domain/sync/protocol'
import { tempStore } from '../../../support/tempStore'
import { clerk, objectValues } from './syncSamples'
import { syncStore } from './syncStore'

const derived = [propertySearchIndex]
const objectRow = (inventoryNumber: string): ServerRow => ({
  entity: 'propertyObject',
  rowId: uuidv7(),
  scope: 'property',
  values: objectValues({ inventoryNumber, name: `ობიექტი ${inventoryNumber}` }),
  fieldVersions: { '*': 10 },
  deletedAt: null,
})
const pageOf = (from: number, next: string | null) => ({
  snapshotSeq: 40,
  rows: Array.from({ length: 20 }, (_, i) => objectRow(`S-${from + i}`)),
  next,
})

/** Every index the store has, by name, with the statement that made it (constraints' own have none). */
const indexesOf = (client: Database.Database) =>
  Object.fromEntries(
    (
      client
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        .all() as { name: string; sql: string }[]
    ).map((r) => [r.name, r.sql]),
  )

describe("a scope's plain indexes during a bootstrap", () => {
  let s: ReturnType<typeof syncStore>
  beforeEach(() => {
    s = syncStore()
  })
  afterEach(() => s.close())

  it('are made by the statements of the migrations, and are all the plain indexes of the scope', () => {
    const migrated = s.client
      .prepare(
        "SELECT name, tbl_name AS tableName, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
      )
      .all() as { name: string; tableName: string; sql: string }[]
    for (const scope of ['property', 'sanitation', 'reference'] as const) {
      const indexes = secondaryIndexesOf(scope)
      const tables = new Set(indexes.map((i) => i.table))
      expect(indexes.map((i) => i.name).sort()).toEqual(
        migrated
          .filter((m) => tables.has(m.tableName))
          .map((m) => m.name)
          .sort(),
      )
      for (const index of indexes) {
        expect(index.create.replace('IF NOT EXISTS ', '')).toBe(
          migrated.find((m) => m.name === index.name)?.sql,
        )
      }
    }
    expect(secondaryIndexesOf('property').length).toBeGreaterThan(9)
  })

  it('go with the first page into an empty store and come back, the same, before the scope turns live', () => {
    const before = indexesOf(s.client)
    applySnapshotPage(s.db, 'property', pageOf(0, 'page-2'), derived)
    expect(
      missingSecondaryIndexes(s.client, 'property')
        .map((i) => i.name)
        .sort(),
    ).toEqual(
      secondaryIndexesOf('property')
        .map((i) => i.name)
        .sort(),
    )
    // Other scopes keep theirs.
    expect(missingSecondaryIndexes(s.client, 'sanitation')).toEqual([])
    applySnapshotPage(s.db, 'property', pageOf(20, null), derived)
    expect(scopeState(s.client, 'property')).toMatchObject({ state: 'indexing', cursorSeq: 40 })
    buildIndexesNow(s.db, 'property', derived)
    expect(scopeState(s.client, 'property').state).toBe('live')
    expect(indexesOf(s.client)).toEqual(before)
    expect(s.client.pragma('integrity_check', { simple: true })).toBe('ok')
    // The list's sort index is used again.
    const plan = s.client
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id FROM property_object WHERE deleted_at IS NULL ORDER BY name, type, state, territorial_unit_id LIMIT 10',
      )
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('property_object_name')
  })

  it('leave the object list answering meanwhile, in the same order as once they are back', () => {
    const list = (sort: 'name' | 'inventoryNumber', direction: 'asc' | 'desc') =>
      listPropertyObjects(
        s.db,
        PropertyListQuery.parse({ sort, direction, limit: 7, offset: 3 }),
        '2026-03-02',
      )
    const searched = () =>
      listPropertyObjects(s.db, PropertyListQuery.parse({ search: 'ობიექტი', limit: 5 }), '2026-03-02')
    applySnapshotPage(s.db, 'property', pageOf(0, 'page-2'), derived)
    applySnapshotPage(s.db, 'property', pageOf(20, null), derived)
    expect(missingSecondaryIndexes(s.client, 'property')).not.toEqual([])
    const during = [list('name', 'asc'), list('inventoryNumber', 'desc')]
    expect(during[0]!.total).toBe(40)
    // Names are 'ობიექტი S-n': in name order as their numbers sort as text.
    const inOrder = Array.from({ length: 40 }, (_, i) => `S-${i}`).sort()
    expect(during[0]!.rows.map((r) => r.inventoryNumber)).toEqual(inOrder.slice(3, 10))
    expect(during[1]!.rows.map((r) => r.inventoryNumber)).toEqual(inOrder.reverse().slice(3, 10))
    buildIndexesNow(s.db, 'property', derived)
    expect([list('name', 'asc'), list('inventoryNumber', 'desc')]).toEqual(during)
    expect(searched().total).toBe(40)
  })

  it('stay when the store holds anything of the scope, a clerk’s own object say', () => {
    s.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues({ inventoryNumber: 'L-1' }) },
    ])
    applySnapshotPage(s.db, 'property', pageOf(0, null), derived)
    expect(missingSecondaryIndexes(s.client, 'property')).toEqual([])
    expect(scopeState(s.client, 'property').state).toBe('indexing') // the search index still is built
  })

  it('stay when the first page fails: the drop goes back with it', () => {
    const broken: DerivedIndex = () => {
      throw new Error('index failed')
    }
    expect(() => applySnapshotPage(s.db, 'property', pageOf(0, 'page-2'), [broken])).toThrow('index failed')
    expect(missingSecondaryIndexes(s.client, 'property')).toEqual([])
    expect(s.client.prepare('SELECT count(*) FROM property_object').pluck().get()).toBe(0)
  })
})

it('a store migrated afresh has every plain index of every scope', () => {
  const store = tempStore()
  try {
    for (const scope of ['property', 'sanitation', 'reference'] as const)
      expect(missingSecondaryIndexes(store.db.$client, scope)).toEqual([])
  } finally {
    store.close()
  }
})
