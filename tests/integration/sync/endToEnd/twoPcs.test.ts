import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../../../domain/history'
import type { PropertyListPage, PropertyObjectDetail } from '../../../../domain/property/views'
import type { Conflict, RejectedChange } from '../../../../domain/sync/contract'
import { sampleLease } from '../../../support/propertySamples'
import { eventually } from '../../../support/syncedPc'
import { serverValues } from './e2eRows'
import { clerkName, createObject, headName, laterFirst, offline, online } from './e2eSamples'
import { type E2eServer, type OnlinePc, startE2eServer } from './e2eServer'

// Two office PCs against the real central server (PGlite), every step through the app's own calls:
// bootstrap, a change travelling from one PC to the other (by a round and by a poke), offline edits
// of one field, guarded fields, deletes against edits, and a unique key taken twice.

let s: E2eServer
let a: OnlinePc
let b: OnlinePc
/** The head of the department, signed in on each PC too (conflicts are theirs to see and decide). */
let headOnA: string
let headOnB: string

beforeAll(async () => {
  s = await startE2eServer()
  a = await s.startPc()
  b = await s.startPc()
  headOnA = await a.signIn('head')
  headOnB = await b.signIn('head')
  await Promise.all([a.syncNow(), b.syncNow()])
}, 60_000)
afterAll(async () => {
  await s?.close()
})

/**
 * Back online one after the other, so A's changes reach the server first (a PC retries by itself once
 * its network is back, so plugging both in at once would leave the order to chance), then A again to
 * bring B's effects.
 */
async function reconnectInOrder(first: OnlinePc, second: OnlinePc) {
  await online(first)
  await first.syncNow()
  await online(second)
  await second.syncNow()
  await first.syncNow()
}

const get = (pc: OnlinePc, id: string) => pc.ok<PropertyObjectDetail>('property.get', { id })
const conflictsOf = (pc: OnlinePc, session: string, status: 'open' | 'resolved' = 'open') =>
  pc.ok<Conflict[]>('sync.listConflicts', { status }, session)

describe('two PCs of one department', () => {
  it('bootstrap every scope of their departments; a new object reaches the other PC with its history, and the outbox empties', async () => {
    for (const pc of [a, b]) {
      const scopes = pc.backend.db.$client
        .prepare('SELECT scope, state, cursor_seq AS cursor FROM sync_scope ORDER BY scope')
        .all() as { scope: string; state: string; cursor: number }[]
      expect(scopes.map((x) => [x.scope, x.state])).toEqual([
        ['property', 'live'],
        ['reference', 'live'],
        ['sanitation', 'live'],
      ])
      expect(scopes.every((x) => x.cursor > 0)).toBe(true)
      expect(await pc.ok<unknown[]>('reference.territorialUnits', {})).toHaveLength(10)
    }

    const id = await createObject(a, { inventoryNumber: 'E2E-1', name: 'ბიბლიოთეკის შენობა' })
    expect(a.outbox()).toHaveLength(1)
    await a.syncNow()
    // Its effect came back by pull in the same round: nothing waits in the outbox any more.
    expect(a.outbox()).toEqual([])
    const confirmed = a.backend.db.$client
      .prepare('SELECT field_versions FROM property_object WHERE id = ?')
      .pluck()
      .get(id) as string
    expect(Object.keys(JSON.parse(confirmed))).toContain('*')

    await b.syncNow()
    const list = await b.ok<PropertyListPage>('property.list', { search: 'E2E-1' })
    expect(list.rows.map((r) => r.id)).toEqual([id])
    expect((await get(b, id)).name).toBe('ბიბლიოთეკის შენობა')
    const history = await b.ok<HistoryEntry[]>('property.history', { id })
    expect(history).toEqual([
      expect.objectContaining({ op: 'insert', userName: clerkName, entity: 'propertyObject', rowId: id }),
    ])
    expect(history[0]!.changes).toContainEqual({ field: 'name', from: null, to: 'ბიბლიოთეკის შენობა' })

    // A later edit on A shows in B's history too, who and what.
    await a.ok('property.update', {
      id,
      version: (await get(a, id)).version,
      changes: { name: 'ცენტრალური ბიბლიოთეკა' },
    })
    await a.syncNow()
    await b.syncNow()
    expect((await get(b, id)).name).toBe('ცენტრალური ბიბლიოთეკა')
    expect(await b.ok<HistoryEntry[]>('property.history', { id })).toContainEqual(
      expect.objectContaining({
        op: 'update',
        userName: clerkName,
        changes: [{ field: 'name', from: 'ბიბლიოთეკის შენობა', to: 'ცენტრალური ბიბლიოთეკა' }],
      }),
    )
  })

  it('an online PC sees the other PC’s change within a second through the poke', async () => {
    // The poke stream opens once a user has signed in; the first change proves it is up.
    const warmUp = await createObject(a, { inventoryNumber: 'E2E-POKE-0' })
    await a.syncNow()
    await eventually(() => b.call('property.get', { id: warmUp }).then((r) => r.ok), 5_000, 'the first poke')

    const id = await createObject(a, { inventoryNumber: 'E2E-POKE-1' })
    await a.syncNow()
    const pushedAt = Date.now()
    await eventually(() => b.call('property.get', { id }).then((r) => r.ok), 1_000, 'B seeing the change')
    expect(Date.now() - pushedAt).toBeLessThan(1_000)
  })

  it('a PC whose user signs in long after it started is live at once, not after its poke stream’s backoff', async () => {
    // Started with the production retry delay and nobody signed in: the poke stream is refused and
    // backs off (seconds, growing), as on a PC switched on well before the clerk arrives.
    const late = await s.startPc({ user: null, sync: { retryMs: 2_000 } })
    await eventually(() => late.network.requests.includes('GET /v1/sync/events'), 2_000, 'a refused stream')
    const streams = () => late.network.requests.filter((r) => r === 'GET /v1/sync/events').length
    const refused = streams()
    const session = await late.signIn('clerk')
    await late.syncNow(session)
    await eventually(() => streams() > refused, 1_000, 'the stream opened again at sign-in')
    await new Promise((resolve) => setTimeout(resolve, 100))

    const id = await createObject(a, { inventoryNumber: 'E2E-POKE-LATE' })
    await a.syncNow()
    const pushedAt = Date.now()
    await eventually(
      () => late.call('property.get', { id }, session).then((r) => r.ok),
      1_000,
      'the late PC seeing it',
    )
    expect(Date.now() - pushedAt).toBeLessThan(1_000)
  })

  it('both PCs edit one ordinary field offline: the later edit wins everywhere, the head decides the other way', async () => {
    const id = await createObject(a, { inventoryNumber: 'E2E-LWW', notes: 'საწყისი' })
    await a.syncNow()
    await b.syncNow()
    await offline(a, b)
    const onA = await get(a, id)
    await a.ok('property.update', { id, version: onA.version, changes: { notes: 'A-ს შენიშვნა' } })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const onB = await get(b, id)
    await b.ok('property.update', { id, version: onB.version, changes: { notes: 'B-ს შენიშვნა' } })
    const [later, earlier] = laterFirst([
      [a, 'A-ს შენიშვნა'],
      [b, 'B-ს შენიშვნა'],
    ])
    await reconnectInOrder(a, b)

    expect((await get(a, id)).notes).toBe(later)
    expect((await get(b, id)).notes).toBe(later)
    expect(a.outbox()).toEqual([])
    expect(b.outbox()).toEqual([])
    const onBothPcs = await Promise.all([conflictsOf(a, headOnA), conflictsOf(b, headOnB)])
    for (const conflicts of onBothPcs) {
      const mine = conflicts.filter((c) => c.rowId === id)
      expect(mine).toEqual([
        expect.objectContaining({
          kind: 'concurrentEdit',
          field: 'notes',
          status: 'open',
          current: expect.objectContaining({ value: later, userName: clerkName }),
          other: expect.objectContaining({ value: earlier, userName: clerkName }),
        }),
      ])
    }

    const conflict = onBothPcs[1]!.find((c) => c.rowId === id)!
    await b.ok('sync.resolveConflict', { id: conflict.id, keep: 'other' }, headOnB)
    await b.syncNow()
    await a.syncNow()
    await b.syncNow()
    for (const [pc, head] of [
      [a, headOnA],
      [b, headOnB],
    ] as const) {
      expect((await get(pc, id)).notes).toBe(earlier)
      expect((await conflictsOf(pc, head)).filter((c) => c.rowId === id)).toEqual([])
      expect((await conflictsOf(pc, head, 'resolved')).filter((c) => c.rowId === id)).toEqual([
        expect.objectContaining({ id: conflict.id, status: 'resolved', resolvedBy: headName }),
      ])
      expect(pc.outbox()).toEqual([])
    }
    const onServer = await serverValues(s.server.ctx.db, conflict.id)
    expect(onServer).toMatchObject({ status: 'resolved', resolvedBy: headName })
    expect((await serverValues(s.server.ctx.db, id))?.notes).toBe(earlier)
  })

  it('a guarded field edited on both PCs keeps the server value, and a conflict waits for the head', async () => {
    const id = await createObject(a, { inventoryNumber: 'E2E-GUARD', state: 'vacant' })
    await a.syncNow()
    await b.syncNow()
    await offline(a, b)
    await a.ok('property.update', { id, version: (await get(a, id)).version, changes: { state: 'inUse' } })
    await new Promise((resolve) => setTimeout(resolve, 5))
    await b.ok('property.update', { id, version: (await get(b, id)).version, changes: { state: 'leased' } })
    await reconnectInOrder(a, b)

    // B's edit is later, but a status is never decided by the clock: A's value reached the server first.
    expect((await get(a, id)).state).toBe('inUse')
    expect((await get(b, id)).state).toBe('inUse')
    for (const [pc, head] of [
      [a, headOnA],
      [b, headOnB],
    ] as const) {
      expect((await conflictsOf(pc, head)).filter((c) => c.rowId === id)).toEqual([
        expect.objectContaining({
          kind: 'guardedField',
          field: 'state',
          current: expect.objectContaining({ value: 'inUse' }),
          other: expect.objectContaining({ value: 'leased' }),
        }),
      ])
    }
  })

  it('an edit of an object the other PC deleted meanwhile stays deleted and waits as editAfterDelete; keeping the edit restores it', async () => {
    const id = await createObject(a, { inventoryNumber: 'E2E-EAD' })
    await a.syncNow()
    await b.syncNow()
    await offline(a, b)
    await a.ok('property.remove', { id, version: (await get(a, id)).version })
    await b.ok('property.update', { id, version: (await get(b, id)).version, changes: { name: 'გვიანი' } })
    await reconnectInOrder(a, b)

    for (const [pc, head] of [
      [a, headOnA],
      [b, headOnB],
    ] as const) {
      expect((await pc.call('property.get', { id })).ok).toBe(false)
      expect(pc.outbox()).toEqual([])
      expect((await conflictsOf(pc, head)).filter((c) => c.rowId === id)).toEqual([
        expect.objectContaining({
          kind: 'editAfterDelete',
          field: 'name',
          other: expect.objectContaining({ value: 'გვიანი' }),
        }),
      ])
    }

    // The head on A (where the object was deleted) keeps the edit: the object comes back with it.
    const conflict = (await conflictsOf(a, headOnA)).find((c) => c.rowId === id)!
    await a.ok('sync.resolveConflict', { id: conflict.id, keep: 'other' }, headOnA)
    await a.syncNow()
    await b.syncNow()
    await a.syncNow()
    for (const [pc, head] of [
      [a, headOnA],
      [b, headOnB],
    ] as const) {
      expect(await get(pc, id)).toMatchObject({ name: 'გვიანი', inventoryNumber: 'E2E-EAD' })
      expect(pc.outbox()).toEqual([])
      expect((await conflictsOf(pc, head)).filter((c) => c.rowId === id)).toEqual([])
      const found = await pc.ok<PropertyListPage>('property.list', { search: 'E2E-EAD' })
      expect(found.rows.map((r) => r.id)).toEqual([id])
    }
    expect(await serverValues(s.server.ctx.db, id)).toMatchObject({ name: 'გვიანი' })
    const history = await a.ok<HistoryEntry[]>('property.history', { id })
    expect(history.map((h) => h.op)).toEqual(expect.arrayContaining(['delete', 'restore']))
  })

  it('a delete of an object the other PC edited meanwhile is applied, the lost edit kept as deleteAfterEdit', async () => {
    const id = await createObject(a, { inventoryNumber: 'E2E-DAE' })
    await a.syncNow()
    await b.syncNow()
    await offline(b)
    await a.ok('property.update', {
      id,
      version: (await get(a, id)).version,
      changes: { name: 'ახალი სახელი' },
    })
    await a.syncNow()
    await b.ok('property.remove', { id, version: (await get(b, id)).version })
    await online(b)
    await b.syncNow()
    await a.syncNow()

    for (const [pc, head] of [
      [a, headOnA],
      [b, headOnB],
    ] as const) {
      expect((await pc.call('property.get', { id })).ok).toBe(false)
      expect((await conflictsOf(pc, head)).filter((c) => c.rowId === id)).toEqual([
        expect.objectContaining({
          kind: 'deleteAfterEdit',
          field: 'name',
          other: expect.objectContaining({ value: 'ახალი სახელი' }),
        }),
      ])
    }
  })

  it('an inventory number taken twice offline: the second is refused, kept for the clerk, and resent corrected', async () => {
    await offline(a, b)
    const first = await createObject(a, { inventoryNumber: 'E2E-DUP' })
    await createObject(a, { inventoryNumber: 'E2E-DUP-B' })
    const second = await createObject(b, { inventoryNumber: 'E2E-DUP', name: 'მეორე ობიექტი' })
    const third = await createObject(b, { inventoryNumber: 'E2E-DUP-B', name: 'მესამე ობიექტი' })
    await reconnectInOrder(a, b)

    const rejected = await b.ok<RejectedChange[]>('sync.listRejected', {})
    expect(rejected.map((r) => [r.rowId, r.reason, r.userName])).toEqual([
      [third, 'DUPLICATE', clerkName],
      [second, 'DUPLICATE', clerkName],
    ])
    expect((await b.call('property.get', { id: second })).ok).toBe(false)
    expect((await b.call('property.get', { id: third })).ok).toBe(false)
    expect((await get(b, first)).inventoryNumber).toBe('E2E-DUP')
    expect(b.outbox()).toEqual([])

    const refused = rejected.find((r) => r.rowId === second)!
    await b.ok('sync.resendRejected', {
      id: refused.id,
      fields: { ...refused.fields, inventoryNumber: 'E2E-DUP-2' },
    })
    await b.syncNow()
    expect(b.outbox()).toEqual([])
    await a.syncNow()
    const onA = await a.ok<PropertyListPage>('property.list', { search: 'E2E-DUP-2' })
    expect(onA.rows.map((r) => r.name)).toEqual(['მეორე ობიექტი'])

    const other = rejected.find((r) => r.rowId === third)!
    await b.ok('sync.discardRejected', { id: other.id })
    expect(await b.ok<RejectedChange[]>('sync.listRejected', {})).toEqual([])
    const decisions = b.backend.db.$client
      .prepare('SELECT row_id AS rowId, resolution, resolved_by AS by FROM sync_rejected ORDER BY seq')
      .all()
    expect(decisions).toEqual([
      { rowId: second, resolution: 'resent', by: clerkName },
      { rowId: third, resolution: 'discarded', by: clerkName },
    ])
  })
  it('a refused new object with a lease on it: both come back once the object is resent corrected', async () => {
    await offline(a, b)
    await createObject(a, { inventoryNumber: 'E2E-PARENT' })
    const object = await createObject(b, { inventoryNumber: 'E2E-PARENT', state: 'inUse' })
    const lease = (
      await b.ok<{ id: string }>('property.createLease', sampleLease(object, { contractNumber: 'E2E-L-1' }))
    ).id
    await reconnectInOrder(a, b)
    const refused = await b.ok<RejectedChange[]>('sync.listRejected', {})
    expect(refused.map((r) => [r.rowId, r.reason])).toEqual([
      [lease, 'REFERENCE'],
      [object, 'DUPLICATE'],
    ])
    const [leaseChange, objectChange] = refused
    await b.ok('sync.resendRejected', {
      id: objectChange!.id,
      fields: { ...objectChange!.fields, inventoryNumber: 'E2E-PARENT-2' },
    })
    await b.ok('sync.resendRejected', { id: leaseChange!.id, fields: leaseChange!.fields })
    await b.syncNow()
    await a.syncNow()
    expect(b.outbox()).toEqual([])
    expect(await b.ok<RejectedChange[]>('sync.listRejected', {})).toEqual([])
    const list = await a.ok<PropertyListPage>('property.list', { search: 'E2E-PARENT-2' })
    expect(list.rows).toHaveLength(1)
    const detail = await get(a, list.rows[0]!.id)
    expect(detail.leases.map((l) => l.contractNumber)).toEqual(['E2E-L-1'])
  })
})
