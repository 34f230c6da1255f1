import { count, eq } from 'drizzle-orm'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullResponse } from '../../../../domain/sync/protocol'
import { changeLog, devices, mutationLog, record, syncCounter } from '../../../../server/db/schema'
import {
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

const counts = async () => {
  const [log] = await f.ctx.db.select({ n: count() }).from(changeLog)
  const [muts] = await f.ctx.db.select({ n: count() }).from(mutationLog)
  const [counter] = await f.ctx.db.select().from(syncCounter)
  return { log: log?.n, muts: muts?.n, seq: counter?.seq }
}

describe('POST /sync/push', () => {
  it('applies an insert, and a pull of the scope brings it back with the server values', async () => {
    const row = objectRow()
    const m = mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: row })
    const reply = await f.push(pc, [m])
    expect(reply.status).toBe(200)
    expect(reply.body.results).toEqual([
      { seq: m.seq, mutationId: m.mutationId, status: 'applied', changeSeq: expect.any(Number) },
    ])
    expect(reply.body.deviceLastSeq).toBe(m.seq)
    const pull = await f.request<PullResponse>('GET', '/v1/sync/pull?scope=property&after=0', { pc, session })
    expect(pull.status).toBe(200)
    const entry = pull.body.changes.find((c) => c.rowId === m.rowId)
    expect(entry).toMatchObject({ op: 'put', values: row, originMutation: m.mutationId, userId: clerk.id })
    expect(entry?.fieldVersions).toEqual({ '*': entry?.seq })
  })

  it('refuses to delete a unit that live records name, counting only the kinds of records the admin may read', async () => {
    const object = mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() })
    expect((await f.push(pc, [object])).body.results[0]).toMatchObject({ status: 'applied' })
    const unitId = objectRow().territorialUnitId as string
    const deleteUnit = async (admin: TestUser) => {
      const m = mutation(pc, admin, { entity: 'territorialUnit', rowId: unitId, op: 'delete' })
      const reply = await f.push(pc, [m])
      expect(reply.status).toBe(200)
      return reply.body.results[0] as { status: string; reason?: string; message?: string }
    }
    const outsider = await deleteUnit(await f.addUser('itAdmin', [], 'admin-outside'))
    expect(outsider).toMatchObject({ status: 'rejected', reason: 'HAS_CHILDREN' })
    expect(outsider.message).toContain('records you may not read')
    expect(outsider.message).not.toMatch(/propertyObject/)
    const member = await deleteUnit(await f.addUser('itAdmin', ['property'], 'admin-property'))
    expect(member).toMatchObject({ status: 'rejected', reason: 'HAS_CHILDREN' })
    expect(member.message).toMatch(/\d+ propertyObject/)
    const [unit] = await f.ctx.db.select().from(record).where(eq(record.id, unitId))
    expect(unit?.deletedAt).toBeNull()
  })

  it('answers a repeated batch with the stored results and changes nothing', async () => {
    const batch = [
      mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() }),
      mutation(pc, clerk, {
        entity: 'propertyObject',
        op: 'insert',
        fields: objectRow({ bookValueTetri: -5 }),
      }),
    ]
    const first = await f.push(pc, batch)
    expect(first.status).toBe(200)
    const before = await counts()
    const again = await f.push(pc, batch)
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect(await counts()).toEqual(before)
    // A repeat of only the older half also gets its stored answer.
    const half = await f.push(pc, [batch[0]!])
    expect(half.body.results).toEqual([first.body.results[0]])
  })

  it('takes a new change under a used sequence number as a PC restored from backup: a new epoch, 409, nothing applied', async () => {
    const restoredPc = await f.enrolPc()
    await f.signIn(restoredPc, clerk)
    const sent = mutation(restoredPc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() })
    expect((await f.push(restoredPc, [sent])).body.results).toEqual([
      expect.objectContaining({ status: 'applied' }),
    ])
    // The PC's disk goes back to before `sent`: its next change gets the same number again.
    const reused = {
      ...mutation(restoredPc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() }),
      seq: sent.seq,
    }
    const before = await counts()
    const refused = await f.push(restoredPc, [reused])
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ error: { code: 'EPOCH_MISMATCH' }, epoch: restoredPc.epoch + 1 })
    expect(await counts()).toEqual(before)
    const [device] = await f.ctx.db
      .select({ epoch: devices.epoch, lastSeq: devices.lastSeq })
      .from(devices)
      .where(eq(devices.id, restoredPc.deviceId))
    expect(device).toEqual({ epoch: restoredPc.epoch + 1, lastSeq: 0 })

    // Under the new epoch, numbered from 1: the change it had gets its stored answer, the new one applies.
    restoredPc.epoch += 1
    const again = await f.push(restoredPc, [
      { ...sent, seq: 1 },
      { ...reused, seq: 2 },
    ])
    expect(again.status).toBe(200)
    expect(again.body.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    const [log] = await f.ctx.db.select({ n: count() }).from(mutationLog)
    expect(log?.n).toBe(Number(before.muts) + 1)
  })

  it('refuses a gap in device sequence numbers with 409 SEQUENCE_GAP and the number it expects', async () => {
    const skipped = mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() })
    const ahead = mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() })
    const before = await counts()
    const reply = await f.push(pc, [ahead])
    expect(reply.status).toBe(409)
    expect(reply.body).toMatchObject({ error: { code: 'SEQUENCE_GAP' }, expected: skipped.seq })
    expect(await counts()).toEqual(before)
    const resumed = await f.push(pc, [skipped, ahead])
    expect(resumed.body.results.map((r) => r.status)).toEqual(['applied', 'applied'])
  })

  it('refuses a push under another epoch with 409 EPOCH_MISMATCH', async () => {
    const m = mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() })
    const reply = await f.request('POST', '/v1/sync/push', {
      pc,
      body: { epoch: pc.epoch + 1, mutations: [m] },
    })
    expect(reply.status).toBe(409)
    expect(reply.body).toMatchObject({ error: { code: 'EPOCH_MISMATCH' } })
    pc.nextSeq -= 1
  })

  it('rejects bad rows with a reason, records and acknowledges them, and stores nothing', async () => {
    const cases = [
      {
        m: mutation(pc, clerk, {
          entity: 'propertyObject',
          op: 'insert',
          fields: objectRow({ state: 'stolen' }),
        }),
        reason: 'VALIDATION',
      },
      {
        m: mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: { name: 'x' } }),
        reason: 'VALIDATION',
      },
      {
        m: mutation(pc, clerk, {
          entity: 'propertyObject',
          op: 'insert',
          fields: { ...objectRow(), extra: 1 },
        }),
        reason: 'VALIDATION',
      },
      {
        m: mutation(pc, clerk, { entity: 'noSuchThing', op: 'insert', fields: {} }),
        reason: 'UNKNOWN_ENTITY',
      },
      {
        m: mutation(pc, clerk, { entity: 'propertyObject', op: 'update', fields: { name: 'y' } }),
        reason: 'NOT_FOUND',
      },
      {
        m: mutation(pc, clerk, {
          entity: 'propertyObject',
          op: 'insert',
          fields: objectRow({ territorialUnitId: uuidv7() }),
        }),
        reason: 'REFERENCE',
      },
    ]
    const reply = await f.push(
      pc,
      cases.map((c) => c.m),
    )
    expect(reply.status).toBe(200)
    expect(reply.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual(
      cases.map((c) => c.reason),
    )
    for (const { m } of cases) {
      const stored = await f.ctx.db.select().from(record).where(eq(record.id, m.rowId))
      expect(stored).toEqual([])
      const [logged] = await f.ctx.db
        .select()
        .from(mutationLog)
        .where(eq(mutationLog.mutationId, m.mutationId))
      expect(logged?.status).toBe('rejected')
    }
    const [device] = await f.ctx.db.select().from(devices).where(eq(devices.id, pc.deviceId))
    expect(device?.lastSeq).toBe(cases.at(-1)!.m.seq)
  })

  it('rejects an insert of an existing id (DUPLICATE_ID) and a taken unique value (DUPLICATE) with the server row', async () => {
    const row = objectRow()
    const original = mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: row })
    const other = mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() })
    await f.push(pc, [original, other])
    const sameId = mutation(pc, clerk, {
      entity: 'propertyObject',
      rowId: original.rowId,
      op: 'insert',
      fields: objectRow(),
    })
    const sameNumber = mutation(pc, clerk, {
      entity: 'propertyObject',
      rowId: other.rowId,
      op: 'update',
      fields: { inventoryNumber: row.inventoryNumber },
      base: { inventoryNumber: null },
    })
    const reply = await f.push(pc, [sameId, sameNumber])
    const [a, b] = reply.body.results
    expect(a).toMatchObject({
      status: 'rejected',
      reason: 'DUPLICATE_ID',
      current: { rowId: original.rowId, values: row },
    })
    expect(b).toMatchObject({
      status: 'rejected',
      reason: 'DUPLICATE',
      current: { rowId: other.rowId, values: { inventoryNumber: other.fields.inventoryNumber } },
    })
    // A deleted row releases its inventory number.
    const remove = mutation(pc, clerk, { entity: 'propertyObject', rowId: original.rowId, op: 'delete' })
    const retry = mutation(pc, clerk, {
      entity: 'propertyObject',
      rowId: other.rowId,
      op: 'update',
      fields: { inventoryNumber: row.inventoryNumber },
      base: { inventoryNumber: null },
    })
    const after = await f.push(pc, [remove, retry])
    expect(after.body.results.map((r) => r.status)).toEqual(['applied', 'applied'])
  })
})
