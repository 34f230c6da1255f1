import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoUsers } from '../../../../domain/auth/demoUsers'
import type { PropertyObjectDetail } from '../../../../domain/property/views'
import type { AdminUser, Conflict, RejectedChange } from '../../../../domain/sync/contract'
import { sampleLease } from '../../../support/propertySamples'
import type { SyncedPc } from '../../../support/syncedPc'
import { localRows, serverRows } from './e2eRows'
import { clerkName, contractNumber, createObject, offline, online } from './e2eSamples'
import { type E2eServer, type OnlinePc, startE2eServer } from './e2eServer'

// Document numbers issued on PCs that are offline, and a clerk losing a department while their PC
// still holds an edit of it, against the real server.

let s: E2eServer
let a: OnlinePc
let b: OnlinePc
beforeAll(async () => {
  s = await startE2eServer()
  a = await s.startPc()
  b = await s.startPc()
}, 60_000)
afterAll(async () => {
  await s?.close()
})

const clerkId = demoUsers.find((u) => u.username === 'clerk')!.id
let itPc: { pc: SyncedPc; admin: string } | null = null

/** IT changes the clerk's account through the admin screens of its own PC (started on first use). */
async function updateClerk(changes: { departments?: string[]; active?: boolean }): Promise<AdminUser> {
  if (!itPc) {
    const pc = await s.startPc({ user: null })
    const admin = await pc.signIn('admin')
    const password = demoUsers.find((u) => u.username === 'admin')!.password
    await pc.ok(
      'auth.changePassword',
      { currentPassword: password, newPassword: 'IT-Rustavi-Admin-2026!' },
      admin,
    )
    itPc = { pc, admin }
  }
  return itPc.pc.ok<AdminUser>('admin.updateUser', { id: clerkId, ...changes }, itPc.admin)
}

const take = (pc: SyncedPc, count: number) => Array.from({ length: count }, () => contractNumber(pc))

describe('offline PCs', () => {
  it('issue contract numbers from their leased blocks and never the same one twice', async () => {
    const objectId = await createObject(a, { inventoryNumber: 'E2E-NUM', state: 'inUse' })
    await a.syncNow()
    await b.syncNow()
    await offline(a, b)
    const fromA = take(a, 40)
    const fromB = take(b, 40)
    // Each PC issues its own block in order.
    expect(fromA[1]).toBe(fromA[0]!.replace(/\d+$/, (n) => String(Number(n) + 1).padStart(6, '0')))
    for (const [pc, numbers] of [
      [a, fromA],
      [b, fromB],
    ] as const) {
      for (const contractNumber of numbers.slice(0, 3)) {
        await pc.ok('property.createLease', sampleLease(objectId, { contractNumber }))
      }
    }
    await online(a, b)
    await a.syncNow()
    await b.syncNow()
    await a.syncNow()
    // Back online, each PC leased a new block before the old one ran out; they run on without a repeat.
    const more = [...take(a, 30), ...take(b, 30)]
    const all = [...fromA, ...fromB, ...more]
    expect(new Set(all).size).toBe(all.length)

    for (const pc of [a, b]) {
      expect(await pc.ok<RejectedChange[]>('sync.listRejected', {})).toEqual([])
      expect(pc.outbox()).toEqual([])
      const detail = await pc.ok<PropertyObjectDetail>('property.get', { id: objectId })
      expect(detail.leases.map((l) => l.contractNumber).sort()).toEqual(
        [...fromA.slice(0, 3), ...fromB.slice(0, 3)].sort(),
      )
    }
    const duplicates = a.backend.db.$client
      .prepare("SELECT count(*) FROM sync_conflict WHERE kind = 'duplicateNumber'")
      .pluck()
      .get()
    expect(duplicates).toBe(0)
  })
})

describe('a clerk whose membership is taken away', () => {
  it('keeps their pending edit as a permissionRevoked conflict for the head, and the PC purges the scope', async () => {
    const headOnB = await b.signIn('head')
    const id = await createObject(a, { inventoryNumber: 'E2E-REVOKE' })
    await a.syncNow()
    await b.syncNow()
    await offline(a)
    const onA = await a.ok<PropertyObjectDetail>('property.get', { id })
    await a.ok('property.update', { id, version: onA.version, changes: { notes: 'სანამ წვდომა მქონდა' } })

    // IT takes the clerk out of the property department, from its own PC.
    const updated = await updateClerk({ departments: [] })
    expect(updated.departments).toEqual([])

    await online(a)
    await a.syncNow()
    await a.syncNow()
    // The PC holds nothing of the department any more, and nothing of it waits to be pushed.
    expect(localRows(a, 'property')).toEqual([])
    expect(
      a.backend.db.$client.prepare("SELECT count(*) FROM sync_scope WHERE scope = 'property'").pluck().get(),
    ).toBe(0)
    expect(a.outbox()).toEqual([])
    // The clerk's edit is not lost: the PC keeps it in its needs-attention list, the server with the head.
    const refused = await a.ok<RejectedChange[]>('sync.listRejected', {})
    expect(refused).toEqual([
      expect.objectContaining({ rowId: id, reason: 'FORBIDDEN', fields: { notes: 'სანამ წვდომა მქონდა' } }),
    ])

    await b.syncNow(headOnB)
    const conflicts = (await b.ok<Conflict[]>('sync.listConflicts', {}, headOnB)).filter(
      (c) => c.rowId === id,
    )
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'permissionRevoked',
        field: null,
        other: expect.objectContaining({ userName: clerkName }),
      }),
    ])
    expect(JSON.parse(String(conflicts[0]!.other.value))).toEqual({
      op: 'update',
      fields: { notes: 'სანამ წვდომა მქონდა' },
    })
    // The record itself is as it was: the edit waits for the head.
    expect((await b.ok<PropertyObjectDetail>('property.get', { id }, headOnB)).notes).toBe('')
    expect(await serverRows(s.server.ctx.db, 'property')).toContain(`propertyObject/${id}`)
  })
})

describe('a clerk whose account is deactivated', () => {
  it('still gets their pending edit to the head: the PC pushes without the ended session and says to sign in', async () => {
    await updateClerk({ departments: ['property'] })
    const headOnB = await b.signIn('head')
    await a.syncNow()
    const id = await createObject(a, { inventoryNumber: 'E2E-DEACTIVATED' })
    await a.syncNow()
    expect(a.outbox()).toEqual([])
    await offline(a)
    const onA = await a.ok<PropertyObjectDetail>('property.get', { id })
    await a.ok('property.update', { id, version: onA.version, changes: { notes: 'წასვლამდე' } })
    await updateClerk({ active: false })

    await online(a)
    const status = await a.syncNow()
    expect(a.outbox()).toEqual([])
    expect(status.lastError).toBe('sync.error.UNAUTHENTICATED')
    const refused = (await a.ok<RejectedChange[]>('sync.listRejected', {})).filter((r) => r.rowId === id)
    expect(refused).toEqual([
      expect.objectContaining({ reason: 'FORBIDDEN', fields: { notes: 'წასვლამდე' } }),
    ])
    await b.syncNow(headOnB)
    const conflicts = (await b.ok<Conflict[]>('sync.listConflicts', {}, headOnB)).filter(
      (c) => c.rowId === id,
    )
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'permissionRevoked' })])
    await updateClerk({ active: true })
  })
})
