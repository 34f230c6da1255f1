import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../../db/database'
import { openDatabase } from '../../../../db/openDatabase'
import { propertySearchIndex } from '../../../../db/property/searchIndex'
import { applySnapshotPage } from '../../../../db/sync/applySnapshotPage'
import { buildIndexesStep } from '../../../../db/sync/indexBuild'
import { outboxCounts } from '../../../../db/sync/outbox'
import { recordPushResults } from '../../../../db/sync/pushResults'
import { scopeState } from '../../../../db/sync/scopeState'
import { purgeScope, resetScope } from '../../../../db/sync/scopes'
import { missingSecondaryIndexes, secondaryIndexesOf } from '../../../../db/sync/secondaryIndexes'
import { withGateOpen } from '../../../../db/writeGuard'
import type { ServerRow } from '../../../../domain/sync/protocol'
import { migrationsFolder } from '../../../support/tempStore'
import { clerk, objectValues, unitRow } from './syncSamples'
import { syncStore } from './syncStore'

const derived = [propertySearchIndex]
const ids = ['0190a3c0-0000-7000-8000-00000000b001', '0190a3c0-0000-7000-8000-00000000b002']
const objectRow = (rowId: string, seq: number, overrides = {}): ServerRow => ({
  entity: 'propertyObject',
  rowId,
  scope: 'property',
  values: objectValues({ inventoryNumber: rowId.slice(-4), ...overrides }),
  fieldVersions: { '*': seq },
  deletedAt: null,
})

describe('snapshot bootstrap', () => {
  let s: ReturnType<typeof syncStore>
  beforeEach(() => {
    s = syncStore()
  })
  afterEach(() => s.close())

  it('keeps a deleted parent that a live row of the snapshot still names, hidden, so the child has its parent', () => {
    const code: ServerRow = {
      entity: 'propertyCadastralCode',
      rowId: '0190a3c0-0000-7000-8000-00000000c001',
      scope: 'property',
      values: {
        objectId: ids[0]!,
        code: '01.18.06.019.055',
        validFrom: '2020-01-01',
        validTo: null,
        reason: '',
      },
      fieldVersions: { '*': 20 },
      deletedAt: null,
    }
    const deletedParent = { ...objectRow(ids[0]!, 10), deletedAt: '2026-11-01T10:00:00.000Z' }
    applySnapshotPage(s.db, 'property', { snapshotSeq: 30, rows: [deletedParent, code], next: null }, derived)
    expect(s.client.prepare('SELECT deleted_at FROM property_object WHERE id = ?').pluck().get(ids[0])).toBe(
      '2026-11-01T10:00:00.000Z',
    )
    expect(s.client.prepare('SELECT count(*) FROM property_cadastral_code').pluck().get()).toBe(1)
  })

  it('resumes from the saved token after a restart, builds the search index in steps that also resume, then turns live', () => {
    applySnapshotPage(
      s.db,
      'property',
      { snapshotSeq: 50, rows: [objectRow(ids[0]!, 30)], next: 'page-2' },
      derived,
    )
    expect(scopeState(s.client, 'property')).toMatchObject({
      state: 'bootstrapping',
      snapshotToken: 'page-2',
      snapshotSeq: 50,
      cursorSeq: 0,
    })
    // A restart: the same file opened again knows where to continue.
    s.client.close()
    const reopened: Db = openDatabase(s.file, { migrationsFolder })
    try {
      expect(scopeState(reopened.$client, 'property').snapshotToken).toBe('page-2')
      applySnapshotPage(
        reopened,
        'property',
        { snapshotSeq: 50, rows: [objectRow(ids[1]!, 40)], next: null },
        derived,
      )
      // Every row is in; the search index is built next, one object a step here.
      expect(scopeState(reopened.$client, 'property')).toMatchObject({ state: 'indexing', cursorSeq: 50 })
      expect(reopened.$client.prepare('SELECT count(*) FROM property_object').pluck().get()).toBe(2)
      // First the plain indexes the first page dropped (the store held nothing of the scope), one a step.
      const plain = secondaryIndexesOf('property').length
      expect(missingSecondaryIndexes(reopened.$client, 'property')).toHaveLength(plain)
      for (let made = 1; made <= plain; made++) {
        expect(buildIndexesStep(reopened, 'property', derived, 1)).toBe(false)
        expect(missingSecondaryIndexes(reopened.$client, 'property')).toHaveLength(plain - made)
      }
      expect(buildIndexesStep(reopened, 'property', derived, 1)).toBe(false) // emptied
      expect(buildIndexesStep(reopened, 'property', derived, 1)).toBe(false) // the first object
      expect(reopened.$client.prepare('SELECT count(*) FROM property_search').pluck().get()).toBe(1)
    } finally {
      reopened.$client.close()
    }
    // A restart in the middle of the build goes on from the object after the last one indexed.
    const again: Db = openDatabase(s.file, { migrationsFolder })
    try {
      let steps = 0
      while (!buildIndexesStep(again, 'property', derived, 1)) steps += 1
      expect(steps).toBeGreaterThan(0)
      expect(scopeState(again.$client, 'property')).toMatchObject({
        state: 'live',
        cursorSeq: 50,
        snapshotToken: null,
      })
      expect(again.$client.prepare('SELECT count(*) FROM property_search').pluck().get()).toBe(2)
      const indexed = again.$client
        .prepare('SELECT object_id FROM property_search ORDER BY rowid')
        .pluck()
        .all()
      expect(indexed).toEqual([ids[0], ids[1]])
    } finally {
      again.$client.close()
    }
  })

  it('keeps a field with a pending local change, taking the server version', () => {
    applySnapshotPage(s.db, 'property', { snapshotSeq: 50, rows: [objectRow(ids[0]!, 30)], next: null })
    s.write(clerk, [{ op: 'update', entity: 'propertyObject', id: ids[0]!, values: { name: 'ჩემი' } }])
    applySnapshotPage(s.db, 'property', {
      snapshotSeq: 60,
      rows: [objectRow(ids[0]!, 55, { name: 'სერვერის' })],
      next: null,
    })
    expect(s.object(ids[0]!)).toMatchObject({ name: 'ჩემი' })
    expect(s.versions(ids[0]!)).toEqual({ '*': 55 })
  })
})

describe('resetScope and purgeScope', () => {
  let s: ReturnType<typeof syncStore>
  beforeEach(() => {
    s = syncStore()
    applySnapshotPage(
      s.db,
      'property',
      { snapshotSeq: 50, rows: ids.map((id) => objectRow(id, 30)), next: null },
      derived,
    )
  })
  afterEach(() => s.close())

  it('drops the rows without pending changes, keeps pending ones, and starts a new bootstrap', () => {
    s.write(clerk, [{ op: 'update', entity: 'propertyObject', id: ids[0]!, values: { name: 'ჩემი' } }])
    expect(resetScope(s.db, 'property', derived)).toBe(1)
    expect(s.object(ids[0]!)).toMatchObject({ name: 'ჩემი' })
    expect(s.object(ids[1]!)).toBeUndefined()
    expect(s.searchHits(ids[1]!)).toBe(0)
    expect(s.searchHits(ids[0]!)).toBe(1)
    expect(scopeState(s.client, 'property')).toMatchObject({
      state: 'bootstrapping',
      cursorSeq: 0,
      snapshotToken: null,
    })
    // The reference scope's units are untouched.
    expect(s.client.prepare('SELECT count(*) FROM territorial_unit').pluck().get()).toBe(1)
  })

  describe('a row kept only because a pending row names it', () => {
    const codeOf = (objectId: string) => ({
      op: 'insert' as const,
      entity: 'propertyCadastralCode' as const,
      values: { objectId, code: '01.18.06.019.055', validFrom: '2020-01-01', validTo: null, reason: '' },
    })
    const deletedAt = () => s.client.prepare('SELECT deleted_at FROM property_object WHERE id = ?').pluck()

    it('is a tombstone with no known versions until the snapshot, which brings it back if still live', () => {
      s.write(clerk, [codeOf(ids[0]!)])
      expect(resetScope(s.db, 'property', derived)).toBe(1)
      expect(deletedAt().get(ids[0])).not.toBeNull()
      expect(s.versions(ids[0]!)).toEqual({})
      expect(s.searchHits(ids[0]!)).toBe(0)
      applySnapshotPage(
        s.db,
        'property',
        { snapshotSeq: 70, rows: [objectRow(ids[0]!, 65, { name: 'სერვერის' })], next: null },
        derived,
      )
      expect(s.object(ids[0]!)).toMatchObject({ name: 'სერვერის', deleted_at: null })
      expect(s.versions(ids[0]!)).toEqual({ '*': 65 })
    })

    it('stays deleted when the server deleted it before the snapshot, also once the pending row is refused', () => {
      const [code] = s.write(clerk, [codeOf(ids[0]!)])
      resetScope(s.db, 'property', derived)
      applySnapshotPage(
        s.db,
        'property',
        { snapshotSeq: 70, rows: [objectRow(ids[1]!, 30)], next: null },
        derived,
      )
      const [mine] = s.outbox()
      recordPushResults(
        s.db,
        [
          {
            seq: mine!.seq,
            mutationId: mine!.mutationId,
            status: 'rejected',
            reason: 'REFERENCE',
            message: 'the object was deleted',
            current: null,
          },
        ],
        derived,
      )
      expect(
        s.client.prepare('SELECT count(*) FROM property_cadastral_code WHERE id = ?').pluck().get(code!.id),
      ).toBe(0)
      expect(deletedAt().get(ids[0])).not.toBeNull()
      expect(
        s.client.prepare('SELECT count(*) FROM property_object WHERE deleted_at IS NULL').pluck().get(),
      ).toBe(1)
    })

    it('keeps the time of a deletion it already held', () => {
      s.write(clerk, [codeOf(ids[0]!)])
      // As a pulled deletion leaves a parent that a pending row names.
      withGateOpen(s.client, () =>
        s.client
          .prepare("UPDATE property_object SET deleted_at = '2026-11-01T10:00:00.000Z' WHERE id = ?")
          .run(ids[0]),
      )
      resetScope(s.db, 'property', derived)
      expect(deletedAt().get(ids[0])).toBe('2026-11-01T10:00:00.000Z')
    })
  })

  it('keeps a parent another scope still points at, as a tombstone until the snapshot brings it back', () => {
    expect(resetScope(s.db, 'reference')).toBe(0)
    expect(s.client.prepare('SELECT count(*) FROM territorial_unit').pluck().get()).toBe(1)
    expect(
      s.client.prepare('SELECT count(*) FROM territorial_unit WHERE deleted_at IS NULL').pluck().get(),
    ).toBe(0)
    applySnapshotPage(s.db, 'reference', { snapshotSeq: 80, rows: [unitRow(1)], next: null })
    expect(
      s.client.prepare('SELECT count(*) FROM territorial_unit WHERE deleted_at IS NULL').pluck().get(),
    ).toBe(1)
  })

  it('refuses to purge while a change is unpushed, and purges everything once it was sent', () => {
    s.write(clerk, [{ op: 'update', entity: 'propertyObject', id: ids[0]!, values: { name: 'ჩემი' } }])
    expect(() => purgeScope(s.db, 'property', derived)).toThrow(/not pushed/)
    expect(s.object(ids[0]!)).toBeDefined()
    const [mine] = s.outbox()
    recordPushResults(s.db, [
      { seq: mine!.seq, mutationId: mine!.mutationId, status: 'applied', changeSeq: 51 },
    ])
    expect(purgeScope(s.db, 'property', derived)).toBe(2)
    expect(s.client.prepare('SELECT count(*) FROM property_object').pluck().get()).toBe(0)
    expect(s.client.prepare('SELECT count(*) FROM property_search').pluck().get()).toBe(0)
    expect(outboxCounts(s.db).unconfirmed).toBe(0)
    expect(s.client.prepare("SELECT count(*) FROM sync_scope WHERE scope = 'property'").pluck().get()).toBe(0)
  })
})
