import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entities } from '../../../../domain/sync/entities'
import type { ChangeEntry, PullResponse, ServerRow, SnapshotResponse } from '../../../../domain/sync/protocol'
import { changeLog, record, syncCounter } from '../../../../server/db/schema'
import { pruneChangeLog } from '../../../../server/sync/changeLog'
import {
  leaseRow,
  mutation,
  objectRow,
  type SyncFixture,
  startSyncFixture,
  type TestPc,
  type TestUser,
} from './syncFixture'

let f: SyncFixture
let clerk: TestUser
let pc: TestPc
let session: string

beforeAll(async () => {
  f = await startSyncFixture()
  clerk = await f.addUser('clerk', ['property'])
  pc = await f.enrolPc()
  session = await f.signIn(pc, clerk)
})
afterAll(() => f.close())

const pull = (after: number, limit: number) =>
  f.request<PullResponse>('GET', `/v1/sync/pull?scope=property&after=${after}&limit=${limit}`, {
    pc,
    session,
  })

async function pullAll(after: number, limit: number) {
  const pages: ChangeEntry[][] = []
  let cursor = after
  for (;;) {
    const reply = await pull(cursor, limit)
    expect(reply.status).toBe(200)
    pages.push(reply.body.changes)
    cursor = reply.body.next
    if (!reply.body.hasMore) return { pages, cursor }
  }
}

const insertObjects = (n: number) =>
  f.push(
    pc,
    Array.from({ length: n }, () =>
      mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() }),
    ),
  )

describe('GET /sync/pull', () => {
  it('never ends a page inside a server transaction, and paging loses nothing', async () => {
    await insertObjects(5)
    await insertObjects(1)
    await insertObjects(3)
    const whole = await pull(0, 5000)
    const { pages, cursor } = await pullAll(0, 2)
    expect(pages.flat()).toEqual(whole.body.changes)
    expect(cursor).toBe(whole.body.next)
    for (const page of pages) {
      const last = page[page.length - 1]
      if (!last) continue
      // Nothing of the last entry's transaction is left for the next page.
      expect(whole.body.changes.filter((c) => c.txSeq === last.txSeq && c.seq > last.seq)).toEqual([])
    }
    expect(pages[0]?.length).toBe(5)
  })

  it('moves the cursor of the last page to the newest committed change, even of other scopes', async () => {
    const [counter] = await f.ctx.db.select().from(syncCounter)
    const reply = await pull(0, 5000)
    expect(reply.body.hasMore).toBe(false)
    expect(reply.body.next).toBe(counter?.seq)
  })

  it('answers 410 RESNAPSHOT for a cursor older than the log keeps, or ahead of the server', async () => {
    const [counter] = await f.ctx.db.select().from(syncCounter)
    expect((await pull(counter!.seq + 1, 10)).status).toBe(410)
    // Nothing is 180 days old yet: pruning drops nothing.
    expect(await pruneChangeLog(f.ctx.db, f.ctx.now())).toBe(0)
    expect((await pull(0, 10)).status).toBe(200)
    const later = new Date(Date.now() + 181 * 86_400_000)
    const before = await f.ctx.db.select().from(changeLog)
    expect(await pruneChangeLog(f.ctx.db, later)).toBe(before.length)
    const old = await pull(0, 10)
    expect(old.status).toBe(410)
    expect(old.body).toMatchObject({ error: { code: 'RESNAPSHOT' } })
    const current = await pull(counter!.seq, 10)
    expect(current.status).toBe(200)
    // A change after the pruning is served to a cursor at the horizon.
    await insertObjects(1)
    expect((await pull(counter!.seq, 10)).body.changes).toHaveLength(1)
  })

  it('keeps the whole of a transaction that straddles the pruning cutoff', async () => {
    const batch = await insertObjects(2)
    const seqs = batch.body.results.map((r) => (r.status === 'applied' ? r.changeSeq : 0))
    // Make the first entry of the batch old, the second recent.
    await f.ctx.db
      .update(changeLog)
      .set({ at: new Date(Date.now() - 200 * 86_400_000) })
      .where(eq(changeLog.seq, seqs[0]!))
    await pruneChangeLog(f.ctx.db, f.ctx.now())
    const rows = await f.ctx.db.select().from(changeLog).where(eq(changeLog.seq, seqs[0]!))
    expect(rows).toHaveLength(1)
  })
})

describe('GET /sync/snapshot', () => {
  it('pages the live rows parents first, resumes from its token after changes, and the pull after it completes it', async () => {
    const objects = Array.from({ length: 4 }, () =>
      mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() }),
    )
    const leases = objects.map((o) =>
      mutation(pc, clerk, { entity: 'propertyLease', op: 'insert', fields: leaseRow(o.rowId) }),
    )
    const made = await f.push(pc, [...objects, ...leases])
    expect(made.body.results.every((r) => r.status === 'applied')).toBe(true)

    const rows: ServerRow[] = []
    const first = await f.request<SnapshotResponse>('GET', '/v1/sync/snapshot?scope=property&limit=3', {
      pc,
      session,
    })
    expect(first.status).toBe(200)
    rows.push(...first.body.rows)
    const snapshotSeq = first.body.snapshotSeq

    // Meanwhile: a new object, and one of the leases is deleted.
    const added = mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() })
    const removed = mutation(pc, clerk, { entity: 'propertyLease', rowId: leases[3]!.rowId, op: 'delete' })
    await f.push(pc, [added, removed])

    // The PC was killed here: after a restart it carries on with the token it saved.
    let token = first.body.next
    while (token !== null) {
      const page = await f.request<SnapshotResponse>(
        'GET',
        `/v1/sync/snapshot?scope=property&limit=3&token=${encodeURIComponent(token)}`,
        { pc, session },
      )
      expect(page.status).toBe(200)
      expect(page.body.snapshotSeq).toBe(snapshotSeq)
      rows.push(...page.body.rows)
      token = page.body.next
    }
    const ranks = rows.map((r) => entities[r.entity as keyof typeof entities].rank)
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    const ids = rows.map((r) => r.rowId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const o of objects) expect(ids).toContain(o.rowId)
    for (const l of leases.slice(0, 3)) expect(ids).toContain(l.rowId)
    // Whatever the snapshot missed or showed early, the pull after snapshotSeq brings.
    const after = await pull(snapshotSeq, 5000)
    expect(after.body.changes.map((c) => [c.rowId, c.op])).toEqual([
      [added.rowId, 'put'],
      [removed.rowId, 'delete'],
    ])
  })

  it('holds a deleted row that a live row still names as its parent, as a tombstone; other deleted rows stay out', async () => {
    const [withLease, alone] = [objectRow(), objectRow()].map((fields) =>
      mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields }),
    )
    const lease = mutation(pc, clerk, {
      entity: 'propertyLease',
      op: 'insert',
      fields: leaseRow(withLease!.rowId),
    })
    const made = await f.push(pc, [withLease!, alone!, lease])
    expect(made.body.results.every((r) => r.status === 'applied')).toBe(true)
    const deletes = [withLease!, alone!].map((o) =>
      mutation(pc, clerk, {
        entity: 'propertyObject',
        rowId: o.rowId,
        op: 'delete',
        base: { deletedAt: 1e9 },
      }),
    )
    // The server keeps a parent its live children name (HAS_CHILDREN); such a tombstone is one made
    // before it did, written here as it would have been.
    const pushed = (await f.push(pc, deletes)).body.results
    expect(pushed.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'HAS_CHILDREN',
      'applied',
    ])
    await f.ctx.db
      .update(record)
      .set({ deletedAt: f.ctx.now(), deletedSeq: 1 })
      .where(and(eq(record.entity, 'propertyObject'), eq(record.id, withLease!.rowId)))

    const rows: ServerRow[] = []
    let token: string | null = null
    do {
      const query: string = token === null ? '' : `&token=${encodeURIComponent(token)}`
      const page = await f.request<SnapshotResponse>('GET', `/v1/sync/snapshot?scope=property${query}`, {
        pc,
        session,
      })
      rows.push(...page.body.rows)
      token = page.body.next
    } while (token !== null)
    const byId = new Map(rows.map((r) => [r.rowId, r]))
    expect(byId.get(withLease!.rowId)?.deletedAt).toEqual(expect.any(String))
    expect(byId.get(lease.rowId)?.deletedAt).toBeNull()
    expect(byId.has(alone!.rowId)).toBe(false)
  })

  it('refuses a garbled token or one of another scope', async () => {
    const bad = await f.request('GET', '/v1/sync/snapshot?scope=property&token=not-a-token', { pc, session })
    expect(bad.status).toBe(400)
    const first = await f.request<SnapshotResponse>('GET', '/v1/sync/snapshot?scope=reference&limit=2', {
      pc,
      session,
    })
    const other = await f.request('GET', `/v1/sync/snapshot?scope=property&token=${first.body.next}`, {
      pc,
      session,
    })
    expect(other.status).toBe(400)
  })
})
