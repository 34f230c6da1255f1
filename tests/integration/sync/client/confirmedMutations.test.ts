import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pendingChangeCount } from '../../../../db/device'
import { applyPullPage } from '../../../../db/sync/applyPullPage'
import { applySnapshotPage } from '../../../../db/sync/applySnapshotPage'
import {
  CONFIRMED_RETENTION_DAYS,
  confirmedCount,
  pruneConfirmed,
  replayKeptChanges,
} from '../../../../db/sync/confirmedMutations'
import { deviceIdentity, saveEnrolment } from '../../../../db/sync/deviceIdentity'
import { markSentUpTo, outboxCounts, readOutbox } from '../../../../db/sync/outbox'
import { recordPushResults } from '../../../../db/sync/pushResults'
import { resetScope } from '../../../../db/sync/scopes'
import { clerk, entry, objectPut, objectValues } from './syncSamples'
import { syncStore } from './syncStore'

// Changes the server confirmed stay on the PC for a while (not as pending ones), so that a server
// restored from an older backup can be given them again.

const DAY_MS = 86_400_000
const page = (changes: ReturnType<typeof entry>[]) => ({
  changes,
  next: changes.at(-1)?.seq ?? 0,
  hasMore: false,
})

describe('confirmed changes', () => {
  let s: ReturnType<typeof syncStore>
  beforeEach(() => {
    s = syncStore()
    saveEnrolment(s.db, {
      serverUrl: 'http://127.0.0.1:1',
      deviceId: '0190a3c0-0000-7000-8000-00000000dd01',
      deviceToken: 'x'.repeat(40),
      epoch: 1,
      generation: '0190a3c0-0000-7000-8000-0000000000ff',
    })
  })
  afterEach(() => s.close())

  /** Three saves: objects A and B, then an edit of A; returns their outbox rows. */
  function threeSaves() {
    const [a] = s.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues({ inventoryNumber: 'A' }) },
    ])
    s.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues({ inventoryNumber: 'B' }) },
    ])
    s.write(clerk, [{ op: 'update', entity: 'propertyObject', id: a!.id, values: { name: 'შეცვლილი' } }])
    return { objectA: a!.id, rows: readOutbox(s.db, { limit: 10 }) }
  }

  it('keeps a row whose effect came back, counts it nowhere as pending, and lets pulls overwrite it', () => {
    const { rows } = threeSaves()
    const [insertA, insertB, editA] = rows
    // The server answers the insert of A and the edit of A; B is still on its way.
    applyPullPage(
      s.db,
      'property',
      page([
        entry({
          seq: 10,
          rowId: insertA!.rowId,
          op: 'put',
          values: objectValues({ inventoryNumber: 'A' }),
          fieldVersions: { '*': 10 },
          originMutation: insertA!.mutationId,
        }),
        entry({
          seq: 11,
          rowId: editA!.rowId,
          values: { name: 'შეცვლილი' },
          originMutation: editA!.mutationId,
        }),
      ]),
    )
    expect(confirmedCount(s.db)).toBe(2)
    expect(readOutbox(s.db, { limit: 10 }).map((m) => m.mutationId)).toEqual([insertB!.mutationId])
    expect(outboxCounts(s.db)).toMatchObject({ unconfirmed: 1, pending: 1 })
    expect(pendingChangeCount(s.db)).toBe(1)
    // A confirmed change holds no field back: another PC's later edit of A's name arrives.
    applyPullPage(
      s.db,
      'property',
      page([entry({ seq: 12, rowId: editA!.rowId, values: { name: 'სხვისი' } })]),
    )
    expect(s.object(editA!.rowId)).toMatchObject({ name: 'სხვისი' })
  })

  it('keeps rows a snapshot confirms (sent, then a bootstrap) as confirmed too', () => {
    const { rows } = threeSaves()
    markSentUpTo(s.db, 2, new Date())
    resetScope(s.db, 'property')
    applySnapshotPage(s.db, 'property', { snapshotSeq: 20, rows: [], next: null })
    expect(confirmedCount(s.db)).toBe(2)
    expect(readOutbox(s.db, { limit: 10 }).map((m) => m.mutationId)).toEqual([rows[2]!.mutationId])
  })

  it('drops confirmed rows only after the retention window', () => {
    const { rows } = threeSaves()
    markSentUpTo(s.db, 3, new Date())
    resetScope(s.db, 'property')
    applySnapshotPage(s.db, 'property', { snapshotSeq: 20, rows: [], next: null })
    expect(confirmedCount(s.db)).toBe(rows.length)
    const now = Date.now()
    expect(pruneConfirmed(s.db, new Date(now + (CONFIRMED_RETENTION_DAYS - 1) * DAY_MS))).toBe(0)
    expect(confirmedCount(s.db)).toBe(3)
    expect(pruneConfirmed(s.db, new Date(now + (CONFIRMED_RETENTION_DAYS + 1) * DAY_MS))).toBe(3)
    expect(confirmedCount(s.db)).toBe(0)
  })

  it('after a server restore, sends confirmed and unconfirmed rows again in the order first sent, as replays', () => {
    const { rows } = threeSaves()
    // The first and the third are confirmed (their pull came back), the second is still sent: its
    // answer said where the server put it.
    recordPushResults(s.db, [{ seq: 2, mutationId: rows[1]!.mutationId, status: 'applied', changeSeq: 13 }])
    markSentUpTo(s.db, 3, new Date())
    applyPullPage(
      s.db,
      'property',
      page([
        entry({
          seq: 11,
          rowId: rows[2]!.rowId,
          values: { name: 'შეცვლილი' },
          originMutation: rows[2]!.mutationId,
        }),
        entry({
          seq: 12,
          rowId: rows[0]!.rowId,
          op: 'put',
          values: objectValues({ inventoryNumber: 'A' }),
          fieldVersions: { '*': 12 },
          originMutation: rows[0]!.mutationId,
        }),
      ]),
    )
    expect(confirmedCount(s.db)).toBe(2)
    expect(replayKeptChanges(s.db, 4, 1)).toBe(3)
    const replayed = readOutbox(s.db, { limit: 10 })
    // In the order they were first pushed, not the order their effects came back.
    expect(replayed.map((m) => [m.seq, m.mutationId, m.replay])).toEqual(
      rows.map((row, i) => [i + 1, row.mutationId, true]),
    )
    expect(replayed.map((m) => [m.fields, m.baseVersions, m.hlc])).toEqual(
      rows.map((m) => [m.fields, m.baseVersions, m.hlc]),
    )
    // Each with its place in the log the restore lost, from its pull or from its answer.
    expect(replayed.map((m) => m.changeSeq)).toEqual([12, 13, 11])
    expect(s.outbox().map((r) => r.state)).toEqual(['pending', 'pending', 'pending'])
    expect(confirmedCount(s.db)).toBe(0)
    expect(deviceIdentity(s.db)).toMatchObject({ epoch: 4, lastSeq: 3, acknowledgedSeq: 0 })
    // The next save follows on.
    s.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues({ inventoryNumber: 'C' }) },
    ])
    expect(readOutbox(s.db, { limit: 10 }).map((m) => [m.seq, m.replay])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, undefined],
    ])
  })

  it('names, with each replay, the changes of its row that had reached this PC before its clerk saved it', () => {
    const x = '0190a3c0-0000-7000-8000-00000000aa01'
    const y = '0190a3c0-0000-7000-8000-00000000aa02'
    const put = objectPut(11, x)
    const rename = entry({ seq: 12, rowId: x, values: { name: 'სხვა კომპიუტერიდან' } })
    const otherRow = { ...objectPut(13, y), originMutation: '0190a3c0-0000-7000-8000-00000000bb03' }
    // Made by the server itself (no mutation of a PC): nothing to name.
    const serverMade = entry({
      seq: 14,
      rowId: x,
      values: { purpose: 'სერვერიდან' },
      originMutation: undefined,
    })
    applyPullPage(s.db, 'property', page([put, rename, otherRow, serverMade]))
    // This PC's own earlier change is in its history too, but names nothing it received.
    s.write(clerk, [{ op: 'update', entity: 'propertyObject', id: x, values: { custodian: 'ბუღალტერია' } }])
    s.write(clerk, [{ op: 'update', entity: 'propertyObject', id: x, values: { notes: 'ადგილზე' } }])
    // Reached the PC after the clerk saved: not seen.
    const later = entry({ seq: 15, rowId: x, values: { custodian: 'მოგვიანებით' } })
    const [own, mine] = s.outbox()
    applyPullPage(
      s.db,
      'property',
      page([
        later,
        entry({ seq: 16, rowId: x, values: { notes: 'ადგილზე' }, originMutation: mine!.mutationId }),
      ]),
    )
    expect(readOutbox(s.db, { limit: 10 }).map((m) => m.mutationId)).toEqual([own!.mutationId])

    replayKeptChanges(s.db, 2, 1)
    const [first, replayed] = readOutbox(s.db, { limit: 10 })
    expect(first).toMatchObject({ mutationId: own!.mutationId, replay: true })
    expect(replayed).toMatchObject({ mutationId: mine!.mutationId, replay: true, changeSeq: 16 })
    expect(first!.seen).toEqual([rename.originMutation, put.originMutation])
    expect(replayed!.seen).toEqual([rename.originMutation, put.originMutation])
    // A change saved now is no replay: it names nothing.
    s.write(clerk, [{ op: 'update', entity: 'propertyObject', id: x, values: { notes: 'ხელახლა' } }])
    expect(readOutbox(s.db, { limit: 10 })[2]).not.toHaveProperty('seen')
  })
})
