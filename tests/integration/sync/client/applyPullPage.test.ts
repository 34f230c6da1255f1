import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { propertySearchIndex } from '../../../../db/property/searchIndex'
import { applyPullPage } from '../../../../db/sync/applyPullPage'
import { renumberOutboxForEpoch } from '../../../../db/sync/outbox'
import { outboxRowSet } from '../../../../db/sync/outboxRowSet'
import type { DerivedIndex } from '../../../../db/writePath'
import type { ChangeEntry } from '../../../../domain/sync/protocol'
import { encodeHlc } from '../../../../domain/time/hlc'
import { clerk, entry, objectPut, objectValues, otherDevice } from './syncSamples'
import { syncStore } from './syncStore'

const derived = [propertySearchIndex]
const page = (changes: ChangeEntry[], next = changes.at(-1)?.seq ?? 0) => ({ changes, next, hasMore: false })

describe('applyPullPage', () => {
  let s: ReturnType<typeof syncStore>
  beforeEach(() => {
    s = syncStore()
  })
  afterEach(() => s.close())

  it('inserts a new row with its field versions, files its history, indexes it and saves the cursor', () => {
    const put = objectPut(10)
    const stats = applyPullPage(s.db, 'property', page([put]), derived)
    expect(stats).toEqual({ applied: 1, skipped: 0, confirmed: 0 })
    expect(s.object(put.rowId)).toMatchObject({ name: objectValues().name, version: 1, deleted_at: null })
    expect(s.versions(put.rowId)).toEqual({ '*': 10 })
    expect(s.cursor('property')).toBe(10)
    expect(s.searchHits(put.rowId)).toBe(1)
    const history = s.client.prepare('SELECT * FROM record_history WHERE row_id = ?').all(put.rowId)
    expect(history).toMatchObject([
      { mutation_id: put.originMutation, user_name: put.userName, op: 'insert' },
    ])
  })

  it('applies a patch and moves the versions of the fields it names', () => {
    const put = objectPut(10)
    applyPullPage(s.db, 'property', page([put]), derived)
    applyPullPage(
      s.db,
      'property',
      page([entry({ seq: 11, rowId: put.rowId, values: { name: 'ბიბლიოთეკა' } })]),
      derived,
    )
    expect(s.object(put.rowId)).toMatchObject({ name: 'ბიბლიოთეკა', version: 2 })
    expect(s.versions(put.rowId)).toEqual({ '*': 10, name: 11 })
    expect(s.cursor('property')).toBe(11)
  })

  it('never overwrites a field with a pending local change, but moves its version on', () => {
    const put = objectPut(10)
    applyPullPage(s.db, 'property', page([put]), derived)
    s.write(clerk, [
      { op: 'update', entity: 'propertyObject', id: put.rowId, values: { name: 'ჩემი სახელი' } },
    ])
    const remote = entry({
      seq: 12,
      rowId: put.rowId,
      values: { name: 'სხვისი სახელი', street: 'ახალი ქუჩა' },
    })
    applyPullPage(s.db, 'property', page([remote]), derived)
    expect(s.object(put.rowId)).toMatchObject({ name: 'ჩემი სახელი', street: 'ახალი ქუჩა' })
    expect(s.versions(put.rowId)).toMatchObject({ name: 12, street: 12 })
    expect(s.outbox()).toHaveLength(1)
  })

  it('keeps the saves made between the slices of one catch-up, the outbox rows read once for all', () => {
    const rows = outboxRowSet(s.client)
    const [a, b, c, d] = [objectPut(10), objectPut(11), objectPut(12), objectPut(13)]
    applyPullPage(s.db, 'property', page([a, b, c, d]), derived, rows)
    const rename = (id: string, name: string) =>
      s.write(clerk, [{ op: 'update', entity: 'propertyObject', id, values: { name } }])
    const remote = (seq: number, rowId: string) => entry({ seq, rowId, values: { name: `სხვისი ${seq}` } })
    // A save whose effect comes back: its outbox row (number 1) is gone.
    rename(d.rowId, 'ჩემი D')
    const [confirmed] = s.outbox()
    const back = entry({
      seq: 14,
      rowId: d.rowId,
      values: { name: 'ჩემი D' },
      originMutation: confirmed!.mutationId,
    })
    applyPullPage(s.db, 'property', page([back]), derived, rows)
    expect(s.outbox()).toEqual([])
    // Saved after the slices before read the outbox: the next slice still keeps them.
    rename(a.rowId, 'ჩემი A')
    rename(b.rowId, 'ჩემი B')
    applyPullPage(s.db, 'property', page([remote(15, a.rowId)]), derived, rows)
    expect(s.object(a.rowId)).toMatchObject({ name: 'ჩემი A' })
    // A new epoch numbers the outbox from 1 again: the next save is number 3, as the last one seen was.
    renumberOutboxForEpoch(s.db, 2, 1)
    rename(c.rowId, 'ჩემი C')
    expect(s.outbox().map((o) => o.seq)).toEqual([1, 2, 3])
    applyPullPage(s.db, 'property', page([remote(16, b.rowId), remote(17, c.rowId)]), derived, rows)
    expect(s.object(b.rowId)).toMatchObject({ name: 'ჩემი B' })
    expect(s.object(c.rowId)).toMatchObject({ name: 'ჩემი C' })
    // A row without an outbox row takes the pulled value.
    applyPullPage(s.db, 'property', page([remote(18, d.rowId)]), derived, rows)
    expect(s.object(d.rowId)).toMatchObject({ name: 'სხვისი 18' })
  })

  it("removes the outbox row when its own mutation's effect comes back, and takes the server's value", () => {
    const put = objectPut(10)
    applyPullPage(s.db, 'property', page([put]), derived)
    s.write(clerk, [
      { op: 'update', entity: 'propertyObject', id: put.rowId, values: { name: 'ჩემი სახელი' } },
    ])
    const [mine] = s.outbox()
    // The server merged it and answers with the winner's value (here another PC's later edit).
    const back = entry({
      seq: 13,
      rowId: put.rowId,
      values: { name: 'გამარჯვებული' },
      originMutation: mine!.mutationId,
    })
    const stats = applyPullPage(s.db, 'property', page([back]), derived)
    expect(stats.confirmed).toBe(1)
    expect(s.outbox()).toEqual([])
    expect(s.object(put.rowId)).toMatchObject({ name: 'გამარჯვებული' })
    // Its own history entry is not filed twice.
    expect(
      s.client
        .prepare('SELECT count(*) FROM record_history WHERE mutation_id = ?')
        .pluck()
        .get(mine!.mutationId),
    ).toBe(1)
  })

  it('changes nothing when the same page is applied again, even with the cursor moved back', () => {
    const put = objectPut(10)
    const changes = [put, entry({ seq: 11, rowId: put.rowId, values: { name: 'ბიბლიოთეკა' } })]
    applyPullPage(s.db, 'property', page(changes), derived)
    const dump = () => ({
      row: s.object(put.rowId),
      history: s.client.prepare('SELECT count(*) FROM record_history').pluck().get(),
      search: s.client.prepare('SELECT object_id, body FROM property_search').all(),
    })
    const before = dump()
    expect(applyPullPage(s.db, 'property', page(changes), derived).applied).toBe(0)
    expect(dump()).toEqual(before)
    // With the cursor behind the page, field versions alone keep it idempotent.
    s.client.prepare('UPDATE sync_scope SET cursor_seq = 0 WHERE scope = ?').run('property')
    expect(applyPullPage(s.db, 'property', page(changes), derived).applied).toBe(0)
    expect(dump()).toEqual(before)
    expect(s.cursor('property')).toBe(11)
  })

  it('skips a change older than the version a field already has', () => {
    const put = objectPut(10)
    applyPullPage(
      s.db,
      'property',
      page([put, entry({ seq: 20, rowId: put.rowId, values: { name: 'ახალი' } })]),
    )
    s.client.prepare('UPDATE sync_scope SET cursor_seq = 0 WHERE scope = ?').run('property')
    applyPullPage(
      s.db,
      'property',
      page([entry({ seq: 15, rowId: put.rowId, values: { name: 'ძველი' } })], 20),
    )
    expect(s.object(put.rowId)).toMatchObject({ name: 'ახალი' })
  })

  it('applies nothing and keeps the cursor when the page fails midway (a derived index throws)', () => {
    const first = objectPut(10)
    applyPullPage(s.db, 'property', page([first]), derived)
    const broken: DerivedIndex = () => {
      throw new Error('disk full')
    }
    const second = objectPut(11)
    const patch = entry({ seq: 12, rowId: first.rowId, values: { name: 'არ უნდა ჩანდეს' } })
    expect(() =>
      applyPullPage(s.db, 'property', page([second, patch]), [propertySearchIndex, broken]),
    ).toThrow('disk full')
    expect(s.object(second.rowId)).toBeUndefined()
    expect(s.object(first.rowId)).toMatchObject({ name: objectValues().name })
    expect(s.cursor('property')).toBe(10)
  })

  it('applies nothing when a row names a parent that never arrives (checked at commit)', () => {
    const lease = entry({
      seq: 30,
      rowId: '0190a3c0-0000-7000-8000-00000000aa01',
      entity: 'propertyLease',
      op: 'put',
      fieldVersions: { '*': 30 },
      values: {
        objectId: '0190a3c0-0000-7000-8000-00000000ffff',
        contractNumber: 'ქ-1',
        tenantKind: 'company',
        tenantName: 'შპს',
        tenantIdNumber: '216543210',
        tenantPhone: null,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        annualRentTetri: 100,
        schedule: 'monthly',
        legalBasis: 'auction',
        terminatedOn: null,
      },
    })
    expect(() => applyPullPage(s.db, 'property', page([lease]))).toThrow(/FOREIGN KEY/)
    expect(s.cursor('property')).toBeUndefined()
  })

  it('takes a child before its parent inside one page', () => {
    const parent = objectPut(41)
    const code = entry({
      seq: 40,
      rowId: '0190a3c0-0000-7000-8000-00000000cc01',
      entity: 'propertyCadastralCode',
      op: 'put',
      fieldVersions: { '*': 40 },
      values: {
        objectId: parent.rowId,
        code: '02.07.13.005.044',
        validFrom: '2020-01-01',
        validTo: null,
        reason: '',
      },
    })
    applyPullPage(s.db, 'property', page([code, parent]), derived)
    expect(s.object(parent.rowId)).toBeDefined()
    const body = s.client
      .prepare('SELECT body FROM property_search WHERE object_id = ?')
      .pluck()
      .get(parent.rowId)
    expect(String(body)).toContain('02.07.13.005.044')
  })

  it("files a child's patch under its parent and reindexes the parent, though the patch names only the field", () => {
    const parent = objectPut(40)
    const codeId = '0190a3c0-0000-7000-8000-00000000cc02'
    const code = entry({
      seq: 41,
      rowId: codeId,
      entity: 'propertyCadastralCode',
      op: 'put',
      fieldVersions: { '*': 41 },
      values: {
        objectId: parent.rowId,
        code: '02.07.13.005.044',
        validFrom: '2020-01-01',
        validTo: null,
        reason: '',
      },
    })
    applyPullPage(s.db, 'property', page([parent, code]), derived)
    const patch = entry({
      seq: 42,
      rowId: codeId,
      entity: 'propertyCadastralCode',
      values: { code: '02.07.13.005.777' },
    })
    applyPullPage(s.db, 'property', page([patch]), derived)
    const filed = s.client
      .prepare('SELECT subject_id AS subjectId, changes FROM record_history WHERE mutation_id = ?')
      .get(patch.originMutation) as { subjectId: string; changes: string }
    expect(filed.subjectId).toBe(parent.rowId)
    expect(JSON.parse(filed.changes)).toEqual([
      { field: 'code', from: '02.07.13.005.044', to: '02.07.13.005.777' },
    ])
    const body = s.client
      .prepare('SELECT body FROM property_search WHERE object_id = ?')
      .pluck()
      .get(parent.rowId)
    expect(String(body)).toContain('02.07.13.005.777')
    expect(String(body)).not.toContain('02.07.13.005.044')
  })

  it("times each pulled change's history by its own time and origin PC", () => {
    const put = objectPut(10)
    applyPullPage(s.db, 'property', page([put]), derived)
    const at = '2026-03-02T09:00:00.000Z'
    const later = '2026-03-02T09:00:05.000Z'
    const otherPc = '0190a3c0-0000-7000-8000-00000000dd03'
    const changes = [
      entry({ seq: 11, txSeq: 11, rowId: put.rowId, values: { notes: 'ა' }, at }),
      entry({ seq: 12, txSeq: 11, rowId: put.rowId, values: { purpose: 'ბ' }, at, originDevice: otherPc }),
      entry({
        seq: 13,
        txSeq: 13,
        rowId: put.rowId,
        values: { custodian: 'გ' },
        at: later,
        originDevice: otherPc,
      }),
      entry({ seq: 14, txSeq: 13, rowId: put.rowId, values: { notes: 'დ' }, at: later, originDevice: null }),
    ]
    applyPullPage(s.db, 'property', page(changes), derived)
    const hlcOf = (mutationId: string | null) =>
      s.client
        .prepare('SELECT hlc FROM record_history WHERE mutation_id = ?')
        .pluck()
        .get(mutationId) as string
    expect(changes.map((c) => hlcOf(c.originMutation))).toEqual([
      encodeHlc({ wallMs: Date.parse(at), counter: 0, deviceId: otherDevice }),
      encodeHlc({ wallMs: Date.parse(at), counter: 0, deviceId: otherPc }),
      encodeHlc({ wallMs: Date.parse(later), counter: 0, deviceId: otherPc }),
      encodeHlc({ wallMs: Date.parse(later), counter: 0, deviceId: 'server' }),
    ])
  })

  it('tombstones a deleted row and drops it from the search index', () => {
    const put = objectPut(10)
    applyPullPage(s.db, 'property', page([put]), derived)
    applyPullPage(
      s.db,
      'property',
      page([entry({ seq: 11, rowId: put.rowId, op: 'delete', deletedAt: '2026-03-03T10:00:00.000Z' })]),
      derived,
    )
    expect(s.object(put.rowId)).toMatchObject({ deleted_at: '2026-03-03T10:00:00.000Z' })
    expect(s.versions(put.rowId)).toMatchObject({ deletedAt: 11 })
    expect(s.searchHits(put.rowId)).toBe(0)
  })

  it('refuses a page holding another scope’s change, changing nothing', () => {
    const put = { ...objectPut(10), scope: 'sanitation' as const }
    expect(() => applyPullPage(s.db, 'property', page([put]))).toThrow(/belongs to sanitation/)
    expect(s.cursor('property')).toBeUndefined()
  })
})
