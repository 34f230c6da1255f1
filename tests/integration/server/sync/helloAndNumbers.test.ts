import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initialTerritorialUnits } from '../../../../domain/reference/rustaviUnits'
import type { HelloResponse, NumberLease, SnapshotResponse } from '../../../../domain/sync/protocol'
import { changeLog, devices, serverMeta } from '../../../../server/db/schema'
import { readServerGeneration } from '../../../../server/db/serverMeta'
import { seedReferenceData } from '../../../../server/seed/referenceData'
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

const hello = (target: TestPc, body: Partial<Record<string, unknown>> = {}, withSession = true) =>
  f.request<HelloResponse>('POST', '/v1/sync/hello', {
    pc: target,
    ...(withSession ? { session } : {}),
    body: {
      lastLocalSeq: target.nextSeq - 1,
      cursors: {},
      knownGeneration: null,
      clientTime: new Date().toISOString(),
      pendingChanges: 0,
      ...body,
    },
  })

describe('POST /sync/hello', () => {
  it('records what IT sees of the PC and says which scopes the user reads and writes', async () => {
    const reply = await hello(pc, {
      clientTime: new Date(Date.now() + 3_600_000).toISOString(),
      pendingChanges: 7,
    })
    expect(reply.status).toBe(200)
    expect(reply.body.scopes).toEqual([
      { scope: 'reference', write: false },
      { scope: 'property', write: true },
    ])
    expect(reply.body.actions).toEqual([])
    const [device] = await f.ctx.db.select().from(devices).where(eq(devices.id, pc.deviceId))
    expect(device?.pendingChanges).toBe(7)
    expect(device?.appVersion).toBe('0.1.0')
    expect(device?.clockOffsetMs).toBeGreaterThan(3_590_000)
    expect(device?.clockOffsetMs).toBeLessThan(3_610_000)
    // Before anyone signs in, a PC still says hello; it reads nothing yet.
    const anonymous = await hello(pc, {}, false)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.scopes).toEqual([])
  })

  it('asks for a resnapshot of every scope when the PC knew an earlier server generation', async () => {
    const generation = await readServerGeneration(f.ctx.db)
    const same = await hello(pc, { knownGeneration: generation, cursors: { property: 1, reference: 1 } })
    expect(same.body.actions).toEqual([])
    // A generation this server had before (one it never had means a restore: tests/integration/sync/endToEnd).
    const earlier = '00000000-0000-4000-8000-000000000000'
    await f.ctx.db.update(serverMeta).set({ previousGenerations: [earlier] })
    const restored = await hello(pc, {
      knownGeneration: earlier,
      cursors: { property: 1, reference: 1 },
    })
    expect(restored.body.actions).toEqual([
      { kind: 'resnapshot', scope: 'property' },
      { kind: 'resnapshot', scope: 'reference' },
    ])
  })

  it('rotates the epoch of a PC restored from a backup; its re-push is answered from the log', async () => {
    const batch = [1, 2, 3].map(() =>
      mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() }),
    )
    const first = await f.push(pc, batch)
    expect(first.body.deviceLastSeq).toBe(batch[2]!.seq)
    // The backup was taken after the first change only.
    const reply = await hello(pc, { lastLocalSeq: batch[0]!.seq })
    expect(reply.body.actions).toEqual([{ kind: 'rotateEpoch', epoch: pc.epoch + 1 }])
    expect(reply.body).toMatchObject({ epoch: pc.epoch + 1, deviceLastSeq: 0 })
    const old = await f.push(pc, [{ ...batch[2]!, seq: batch[2]!.seq + 1 }])
    expect(old.status).toBe(409)
    expect(old.body).toMatchObject({ error: { code: 'EPOCH_MISMATCH' } })
    pc.epoch += 1
    const [logged] = await f.ctx.db.select({ n: count() }).from(changeLog)
    const again = await f.push(
      pc,
      batch.map((m, i) => ({ ...m, seq: i + 1 })),
    )
    expect(again.status).toBe(200)
    expect(again.body.results).toEqual(first.body.results.map((r, i) => ({ ...r, seq: i + 1 })))
    expect(again.body.deviceLastSeq).toBe(3)
    const [after] = await f.ctx.db.select({ n: count() }).from(changeLog)
    expect(after?.n).toBe(logged?.n)
    pc.nextSeq = 4
  })

  it('tells a PC below the minimum app version to update', async () => {
    const reply = await f.app.inject({
      method: 'POST',
      url: '/v1/sync/hello',
      headers: {
        authorization: `Bearer ${pc.token}`,
        'x-rustavi-protocol': '1',
        'x-rustavi-schema': '1',
        'x-rustavi-app': '0.0.9',
      },
      payload: {
        lastLocalSeq: pc.nextSeq - 1,
        cursors: {},
        knownGeneration: null,
        clientTime: new Date().toISOString(),
        pendingChanges: 0,
      },
    })
    expect(reply.statusCode).toBe(200)
    expect(reply.json().actions).toContainEqual({ kind: 'updateRequired', minAppVersion: '0.1.0' })
  })
})

describe('reference data seed', () => {
  it("puts Rustavi's ten territorial units in the reference scope once, with their fixed ids", async () => {
    const snapshot = await f.request<SnapshotResponse>('GET', '/v1/sync/snapshot?scope=reference', {
      pc,
      session,
    })
    expect(snapshot.body.rows.map((r) => r.rowId).sort()).toEqual(
      initialTerritorialUnits.map((u) => u.id).sort(),
    )
    expect(await seedReferenceData(f.ctx)).toBe(0)
  })
})

describe('POST /numbers/lease', () => {
  it('never hands out overlapping blocks, even to PCs asking at once', async () => {
    const pcs = [pc, await f.enrolPc(), await f.enrolPc()]
    const sessions = await Promise.all(pcs.map((p) => f.signIn(p, clerk)))
    const replies = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        f.request<NumberLease>('POST', '/v1/numbers/lease', {
          pc: pcs[i % 3],
          session: sessions[i % 3],
          body: { series: 'contract', department: 'property', count: 1 + (i % 5) * 10 },
        }),
      ),
    )
    const blocks = replies.map((r) => {
      expect(r.status).toBe(200)
      return r.body
    })
    const sorted = [...blocks].sort((a, b) => a.from - b.from)
    expect(sorted[0]?.from).toBe(1)
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.from).toBe(sorted[i - 1]!.to + 1)
    const year = Number(new Date(Date.now() + 4 * 3_600_000).toISOString().slice(0, 4))
    for (const b of blocks) {
      expect(b.year).toBe(year)
      const days = (Date.parse(b.expiresAt) - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(29.9)
      expect(days).toBeLessThan(30.1)
    }
  })

  it('refuses a user who may not write the department', async () => {
    const auditor = await f.addUser('auditor', ['property'])
    const auditorSession = await f.signIn(pc, auditor)
    const reply = await f.request('POST', '/v1/numbers/lease', {
      pc,
      session: auditorSession,
      body: { series: 'receipt', department: 'property', count: 5 },
    })
    expect(reply.status).toBe(403)
    const otherDepartment = await f.request('POST', '/v1/numbers/lease', {
      pc,
      session,
      body: { series: 'receipt', department: 'sanitation', count: 5 },
    })
    expect(otherDepartment.status).toBe(403)
  })
})
