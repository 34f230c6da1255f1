import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncConflictRow } from '../../../../domain/sync/conflictRow'
import type { HelloResponse, PullResponse, SnapshotResponse } from '../../../../domain/sync/protocol'
import { record } from '../../../../server/db/schema'
import {
  mutation,
  objectRow,
  type SyncFixture,
  startSyncFixture,
  type TestPc,
  type TestUser,
} from './syncFixture'

let f: SyncFixture
let propertyClerk: TestUser
let sanitationClerk: TestUser
let head: TestUser
let pc: TestPc

beforeAll(async () => {
  f = await startSyncFixture()
  propertyClerk = await f.addUser('clerk', ['property'], 'ნინო')
  sanitationClerk = await f.addUser('clerk', ['sanitation'], 'ლევანი')
  head = await f.addUser('head', ['property'], 'თამარ')
  pc = await f.enrolPc()
})
afterAll(() => f.close())

const stored = async (entity: string, id: string) =>
  (
    await f.ctx.db
      .select()
      .from(record)
      .where(and(eq(record.entity, entity), eq(record.id, id)))
  )[0]

const conflictsAbout = async (rowId: string) =>
  (await f.ctx.db.select().from(record).where(eq(record.entity, 'syncConflict')))
    .map((r) => ({ id: r.id, scope: r.scope, values: r.values as SyncConflictRow }))
    .filter((c) => c.values.rowId === rowId)

describe('scopes: the server checks every push, pull and snapshot against the user', () => {
  it("does not let a clerk of one department read another's rows (pull and snapshot are 403)", async () => {
    const session = await f.signIn(pc, sanitationClerk)
    const pull = await f.request('GET', '/v1/sync/pull?scope=property&after=0', { pc, session })
    expect(pull.status).toBe(403)
    expect(pull.body).toMatchObject({ error: { code: 'FORBIDDEN' } })
    const snapshot = await f.request('GET', '/v1/sync/snapshot?scope=property', { pc, session })
    expect(snapshot.status).toBe(403)
    // Its own department and the shared reference data are fine.
    expect((await f.request('GET', '/v1/sync/pull?scope=sanitation&after=0', { pc, session })).status).toBe(
      200,
    )
    const reference = await f.request<SnapshotResponse>('GET', '/v1/sync/snapshot?scope=reference', {
      pc,
      session,
    })
    expect(reference.body.rows).toHaveLength(10)
  })

  it("does not store a clerk's push to another department's scope", async () => {
    const m = mutation(pc, sanitationClerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() })
    const [result] = (await f.push(pc, [m])).body.results
    expect(result).toMatchObject({ status: 'rejected', reason: 'FORBIDDEN', current: null })
    expect(await stored('propertyObject', m.rowId)).toBeUndefined()
  })

  it('routes a change by a clerk who lost the scope to the head as a permissionRevoked conflict, and hello says purge', async () => {
    const insert = mutation(pc, propertyClerk, {
      entity: 'propertyObject',
      op: 'insert',
      fields: objectRow(),
    })
    const [made] = (await f.push(pc, [insert])).body.results
    if (made?.status !== 'applied') throw new Error('insert failed')
    // Offline, the clerk edits the object; meanwhile IT moves them to sanitation.
    const edit = mutation(pc, propertyClerk, {
      entity: 'propertyObject',
      rowId: insert.rowId,
      op: 'update',
      fields: { name: 'გადარჩენილი ცვლილება' },
      base: { name: made.changeSeq },
    })
    await f.setAccess(propertyClerk, 'clerk', ['sanitation'])
    const [result] = (await f.push(pc, [edit])).body.results
    expect(result).toMatchObject({ status: 'rejected', reason: 'FORBIDDEN' })
    expect((await stored('propertyObject', insert.rowId))?.values).toMatchObject({ name: insert.fields.name })
    const [conflict] = await conflictsAbout(insert.rowId)
    expect(conflict?.scope).toBe('property')
    expect(conflict?.values).toMatchObject({
      kind: 'permissionRevoked',
      field: null,
      otherUserName: 'ნინო',
      status: 'open',
    })
    expect(JSON.parse(conflict!.values.otherValue)).toEqual(
      JSON.stringify({ op: 'update', fields: { name: 'გადარჩენილი ცვლილება' } }),
    )
    // The head pulls it like any record of the scope.
    const headSession = await f.signIn(pc, head)
    const pull = await f.request<PullResponse>('GET', '/v1/sync/pull?scope=property&after=0&limit=5000', {
      pc,
      session: headSession,
    })
    expect(pull.body.changes.some((c) => c.rowId === conflict?.id)).toBe(true)
    // The clerk's next hello tells the PC to drop the property scope.
    const session = await f.signIn(pc, propertyClerk)
    const hello = await f.request<HelloResponse>('POST', '/v1/sync/hello', {
      pc,
      session,
      body: {
        lastLocalSeq: pc.nextSeq - 1,
        cursors: { property: 3, reference: 10 },
        knownGeneration: null,
        clientTime: new Date().toISOString(),
        pendingChanges: 0,
      },
    })
    expect(hello.status).toBe(200)
    expect(hello.body.actions).toEqual([{ kind: 'purge', scope: 'property' }])
    expect(hello.body.scopes).toEqual([
      { scope: 'reference', write: false },
      { scope: 'sanitation', write: true },
    ])
    await f.setAccess(propertyClerk, 'clerk', ['property'])
  })

  it('lets only a head decide a conflict, and only its decision fields; the server names who decided', async () => {
    const insert = mutation(pc, head, { entity: 'propertyObject', op: 'insert', fields: objectRow() })
    const [made] = (await f.push(pc, [insert])).body.results
    if (made?.status !== 'applied') throw new Error('insert failed')
    const late = mutation(pc, propertyClerk, {
      entity: 'propertyObject',
      rowId: insert.rowId,
      op: 'update',
      fields: { state: 'vacant' },
      base: { state: made.changeSeq },
    })
    const other = await f.enrolPc()
    const early = mutation(other, propertyClerk, {
      entity: 'propertyObject',
      rowId: insert.rowId,
      op: 'update',
      fields: { state: 'leased' },
      base: { state: made.changeSeq },
    })
    await f.push(pc, [late])
    const [conflicted] = (await f.push(other, [early])).body.results
    if (conflicted?.status !== 'conflicted') throw new Error('expected a conflict')
    const conflictId = conflicted.conflictIds[0]!
    const conflict = await stored('syncConflict', conflictId)
    const base = conflict!.rowSeq
    const decide = (user: TestUser, fields: Record<string, string | null>) =>
      mutation(pc, user, {
        entity: 'syncConflict',
        rowId: conflictId,
        op: 'update',
        fields,
        base: { status: base, resolvedAt: base },
      })
    const resolvedAt = new Date().toISOString()
    const byClerk = decide(propertyClerk, { status: 'resolved', resolvedAt })
    const otherField = decide(head, { kind: 'concurrentEdit' })
    const insertConflict = mutation(pc, head, {
      entity: 'syncConflict',
      op: 'insert',
      fields: conflict!.values as never,
    })
    const byHead = decide(head, { status: 'resolved', resolvedAt, resolvedBy: 'someone else' })
    const results = (await f.push(pc, [byClerk, otherField, insertConflict, byHead])).body.results
    expect(results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'applied',
    ])
    expect((await stored('syncConflict', conflictId))?.values).toMatchObject({
      status: 'resolved',
      resolvedBy: 'თამარ',
      resolvedAt,
    })
  })
})
