import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncConflictRow } from '../../../../domain/sync/conflictRow'
import type { MutationResult, PullResponse } from '../../../../domain/sync/protocol'
import { record } from '../../../../server/db/schema'
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
let nino: TestUser
let giorgi: TestUser
let pcA: TestPc
let pcB: TestPc
let session: string

beforeAll(async () => {
  f = await startSyncFixture()
  nino = await f.addUser('clerk', ['property'], 'ნინო')
  giorgi = await f.addUser('clerk', ['property'], 'გიორგი')
  pcA = await f.enrolPc('ოთახი 101')
  pcB = await f.enrolPc('ოთახი 102')
  session = await f.signIn(pcA, nino)
})
afterAll(() => f.close())

/** An object made on PC A; returns its id and the version every field has. */
async function newObject(overrides: Record<string, string | number | null> = {}) {
  const insert = mutation(pcA, nino, { entity: 'propertyObject', op: 'insert', fields: objectRow(overrides) })
  const [result] = (await f.push(pcA, [insert])).body.results
  if (result?.status !== 'applied') throw new Error(`insert: ${JSON.stringify(result)}`)
  return { id: insert.rowId, version: result.changeSeq }
}

async function serverValues(id: string) {
  const [row] = await f.ctx.db
    .select()
    .from(record)
    .where(and(eq(record.entity, 'propertyObject'), eq(record.id, id)))
  return { values: row?.values as Record<string, unknown>, deletedAt: row?.deletedAt ?? null }
}

async function conflictsOf(result: MutationResult | undefined): Promise<SyncConflictRow[]> {
  if (result?.status !== 'conflicted') throw new Error(`expected a conflict: ${JSON.stringify(result)}`)
  const rows = await Promise.all(
    result.conflictIds.map(async (id) => {
      const [row] = await f.ctx.db
        .select()
        .from(record)
        .where(and(eq(record.entity, 'syncConflict'), eq(record.id, id)))
      return row?.values as SyncConflictRow
    }),
  )
  return rows
}

const T = Date.now()

describe('field-level merge through POST /sync/push', () => {
  it('applies edits of different fields from two PCs without a conflict', async () => {
    const { id, version } = await newObject()
    const a = mutation(pcA, nino, {
      entity: 'propertyObject',
      rowId: id,
      op: 'update',
      fields: { name: 'ა' },
      base: { name: version },
    })
    const b = mutation(pcB, giorgi, {
      entity: 'propertyObject',
      rowId: id,
      op: 'update',
      fields: { notes: 'ბ' },
      base: { notes: version },
    })
    expect((await f.push(pcA, [a])).body.results[0]?.status).toBe('applied')
    expect((await f.push(pcB, [b])).body.results[0]?.status).toBe('applied')
    expect((await serverValues(id)).values).toMatchObject({ name: 'ა', notes: 'ბ' })
  })

  it('settles a concurrent edit by the later HLC and keeps the loser in a conflict, in either push order', async () => {
    for (const order of ['earlierFirst', 'laterFirst'] as const) {
      const { id, version } = await newObject()
      const early = mutation(pcA, nino, {
        entity: 'propertyObject',
        rowId: id,
        op: 'update',
        fields: { name: 'ადრეული' },
        base: { name: version },
        atMs: T + 1_000,
      })
      const late = mutation(pcB, giorgi, {
        entity: 'propertyObject',
        rowId: id,
        op: 'update',
        fields: { name: 'გვიანი' },
        base: { name: version },
        atMs: T + 2_000,
      })
      const [firstPc, firstM, secondPc, secondM] =
        order === 'earlierFirst' ? [pcA, early, pcB, late] : [pcB, late, pcA, early]
      expect((await f.push(firstPc, [firstM])).body.results[0]?.status).toBe('applied')
      const second = (await f.push(secondPc, [secondM])).body.results[0]
      expect((await serverValues(id)).values.name).toBe('გვიანი')
      const [conflict] = await conflictsOf(second)
      expect(conflict).toMatchObject({
        kind: 'concurrentEdit',
        scope: 'property',
        entity: 'propertyObject',
        rowId: id,
        field: 'name',
        currentValue: JSON.stringify('გვიანი'),
        currentUserName: 'გიორგი',
        otherValue: JSON.stringify('ადრეული'),
        otherUserName: 'ნინო',
        otherDeviceId: pcA.deviceId,
        otherDeviceName: 'ოთახი 101',
        currentDeviceId: pcB.deviceId,
        currentDeviceName: 'ოთახი 102',
        status: 'open',
      })
    }
  })

  it('never changes a guarded field on a concurrent edit: the server value stays and the conflict waits', async () => {
    const { id, version } = await newObject({ bookValueTetri: 100 })
    const a = mutation(pcA, nino, {
      entity: 'propertyObject',
      rowId: id,
      op: 'update',
      fields: { bookValueTetri: 200 },
      base: { bookValueTetri: version },
      atMs: T,
    })
    // B's edit is later by the clock, yet it does not win an amount.
    const b = mutation(pcB, giorgi, {
      entity: 'propertyObject',
      rowId: id,
      op: 'update',
      fields: { bookValueTetri: 300 },
      base: { bookValueTetri: version },
      atMs: T + 60_000,
    })
    await f.push(pcA, [a])
    const result = (await f.push(pcB, [b])).body.results[0]
    expect((await serverValues(id)).values.bookValueTetri).toBe(200)
    const [conflict] = await conflictsOf(result)
    expect(conflict).toMatchObject({
      kind: 'guardedField',
      field: 'bookValueTetri',
      currentValue: '200',
      otherValue: '300',
    })
    // The conflict reaches every PC of the scope through the change log.
    const pull = await f.request<PullResponse>('GET', '/v1/sync/pull?scope=property&after=0&limit=5000', {
      pc: pcA,
      session,
    })
    expect(
      pull.body.changes.some(
        (c) =>
          c.entity === 'syncConflict' && result?.status === 'conflicted' && c.rowId === result.conflictIds[0],
      ),
    ).toBe(true)
  })

  it("applies a PC's edit of its own earlier change even when its base is older (not concurrent)", async () => {
    const insert = mutation(pcA, nino, { entity: 'propertyObject', op: 'insert', fields: objectRow() })
    // Saved again on the PC before the insert came back: its base is "new to the PC" (null).
    const edit = mutation(pcA, nino, {
      entity: 'propertyObject',
      rowId: insert.rowId,
      op: 'update',
      fields: { bookValueTetri: 7 },
      base: { bookValueTetri: null },
    })
    const reply = await f.push(pcA, [insert, edit])
    expect(reply.body.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect((await serverValues(insert.rowId)).values.bookValueTetri).toBe(7)
  })

  it('keeps an edit made after a delete it had not seen as an editAfterDelete conflict, applying nothing', async () => {
    const { id, version } = await newObject({ name: 'ძველი' })
    const remove = mutation(pcA, nino, {
      entity: 'propertyObject',
      rowId: id,
      op: 'delete',
      base: { deletedAt: version },
    })
    const edit = mutation(pcB, giorgi, {
      entity: 'propertyObject',
      rowId: id,
      op: 'update',
      fields: { name: 'ახალი' },
      base: { name: version },
    })
    expect((await f.push(pcA, [remove])).body.results[0]?.status).toBe('applied')
    const result = (await f.push(pcB, [edit])).body.results[0]
    const after = await serverValues(id)
    expect(after.deletedAt).not.toBeNull()
    expect(after.values.name).toBe('ძველი')
    const [conflict] = await conflictsOf(result)
    expect(conflict).toMatchObject({
      kind: 'editAfterDelete',
      field: 'name',
      otherValue: JSON.stringify('ახალი'),
    })
  })

  it('restores a deleted object as a whole-row change, refuses a restore with fields, and a lease whose object is gone', async () => {
    const { id, version } = await newObject({ name: 'აღსადგენი' })
    const lease = mutation(pcA, nino, { entity: 'propertyLease', op: 'insert', fields: leaseRow(id) })
    const leaseResult = (await f.push(pcA, [lease])).body.results[0]
    expect(leaseResult?.status).toBe('applied')
    const removeLease = mutation(pcA, nino, {
      entity: 'propertyLease',
      rowId: lease.rowId,
      op: 'delete',
      base: { deletedAt: leaseResult?.status === 'applied' ? leaseResult.changeSeq : null },
    })
    const removeObject = mutation(pcA, nino, {
      entity: 'propertyObject',
      rowId: id,
      op: 'delete',
      base: { deletedAt: version },
    })
    // The lease first: the server keeps an object a live lease still names (HAS_CHILDREN).
    const removed = (await f.push(pcA, [removeLease, removeObject])).body.results
    const deletedAt = removed[1]?.status === 'applied' ? removed[1].changeSeq : null

    // The lease cannot come back while its object is deleted; a restore carries no fields.
    const leaseBack = mutation(pcB, giorgi, {
      entity: 'propertyLease',
      rowId: lease.rowId,
      op: 'restore',
      base: { deletedAt: removed[0]?.status === 'applied' ? removed[0].changeSeq : null },
    })
    const withFields = mutation(pcB, giorgi, {
      entity: 'propertyObject',
      rowId: id,
      op: 'restore',
      fields: { name: 'x' },
      base: { deletedAt },
    })
    const refused = (await f.push(pcB, [leaseBack, withFields])).body.results
    expect(refused.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'REFERENCE',
      'VALIDATION',
    ])

    const objectBack = mutation(pcB, giorgi, {
      entity: 'propertyObject',
      rowId: id,
      op: 'restore',
      base: { deletedAt },
    })
    const [restored] = (await f.push(pcB, [objectBack])).body.results
    expect(restored?.status).toBe('applied')
    expect(await serverValues(id)).toMatchObject({ deletedAt: null, values: { name: 'აღსადგენი' } })
    const pull = await f.request<PullResponse>('GET', `/v1/sync/pull?scope=property&after=${deletedAt}`, {
      pc: pcA,
      session,
    })
    const entry = pull.body.changes.find((c) => c.originMutation === objectBack.mutationId)
    expect(entry).toMatchObject({ op: 'put', deletedAt: null, values: { name: 'აღსადგენი' } })
    expect(entry?.fieldVersions).toMatchObject({ deletedAt: entry?.seq })
  })

  it('applies a delete made without seeing a later edit, keeping the lost edit in a deleteAfterEdit conflict', async () => {
    const { id, version } = await newObject()
    const edit = mutation(pcA, nino, {
      entity: 'propertyObject',
      rowId: id,
      op: 'update',
      fields: { notes: 'მნიშვნელოვანი' },
      base: { notes: version },
    })
    const remove = mutation(pcB, giorgi, {
      entity: 'propertyObject',
      rowId: id,
      op: 'delete',
      base: { deletedAt: version },
    })
    await f.push(pcA, [edit])
    const result = (await f.push(pcB, [remove])).body.results[0]
    expect((await serverValues(id)).deletedAt).not.toBeNull()
    const conflicts = await conflictsOf(result)
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'deleteAfterEdit',
        field: 'notes',
        otherValue: JSON.stringify('მნიშვნელოვანი'),
      }),
    ])
  })

  it('never rejects a change for clock skew: a PC a day ahead or a year behind still syncs', async () => {
    const { id, version } = await newObject()
    const ahead = mutation(pcA, nino, {
      entity: 'propertyObject',
      rowId: id,
      op: 'update',
      fields: { notes: 'ahead' },
      base: { notes: version },
      atMs: Date.now() + 86_400_000,
    })
    const behind = mutation(pcB, giorgi, {
      entity: 'propertyObject',
      rowId: id,
      op: 'update',
      fields: { purpose: 'behind' },
      base: { purpose: version },
      atMs: Date.now() - 365 * 86_400_000,
    })
    expect((await f.push(pcA, [ahead])).body.results[0]?.status).toBe('applied')
    expect((await f.push(pcB, [behind])).body.results[0]?.status).toBe('applied')
  })
})
