import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../../../domain/history'
import type { PropertyObjectDetail } from '../../../../domain/property/views'
import type { Conflict, RejectedChange } from '../../../../domain/sync/contract'
import { openPostgres } from '../../../../server/db/openPostgres'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'
import type { RunningServer } from '../../../../server/startServer'
import { startNetworkSwitch } from '../../../support/networkSwitch'
import { createTestDatabase, type TestDatabase } from '../../../support/postgres'
import { startTestServer } from '../../../support/serverInstance'
import { eventually, startSyncedPc } from '../../../support/syncedPc'
import { localRows, serverRows } from './e2eRows'
import { clerkName, createObject, headName, laterFirst, offline, online } from './e2eSamples'
import type { OnlinePc } from './e2eServer'

// The key flows on real PostgreSQL with two server instances on one database (as behind a load
// balancer): PC A talks only to the first instance, PC B only to the second.

let testDb: TestDatabase
const databases: ServerDatabase[] = []
const servers: RunningServer[] = []
const pcs: OnlinePc[] = []
let dataDir: string
let a: OnlinePc
let b: OnlinePc
let headOnA: string
let headOnB: string

async function pcOn(server: RunningServer, code: string): Promise<OnlinePc> {
  const network = await startNetworkSwitch(server.url)
  const pc = Object.assign(await startSyncedPc({ serverUrl: network.url, enrolCode: code }), { network })
  pcs.push(pc)
  return pc
}

beforeAll(async () => {
  testDb = await createTestDatabase()
  dataDir = mkdtempSync(join(tmpdir(), 'rustavi-pg-e2e-'))
  databases.push(
    ...(await Promise.all([
      openPostgres(testDb.url, { poolSize: 4 }),
      openPostgres(testDb.url, { poolSize: 4 }),
    ])),
  )
  servers.push(await startTestServer(databases[0]!, { demoDataDir: dataDir }))
  servers.push(await startTestServer(databases[1]!))
  const code = servers[0]!.demoCode!
  a = await pcOn(servers[0]!, code)
  b = await pcOn(servers[1]!, code)
  headOnA = await a.signIn('head')
  headOnB = await b.signIn('head')
  await Promise.all([a.syncNow(), b.syncNow()])
}, 60_000)

afterAll(async () => {
  for (const pc of pcs) {
    await pc.close()
    await pc.network.close()
  }
  for (const server of servers) await server.stop()
  for (const database of databases) await database.close()
  await testDb?.drop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const get = (pc: OnlinePc, id: string) => pc.ok<PropertyObjectDetail>('property.get', { id })

describe('two server instances on one PostgreSQL', () => {
  it('carry a new object from a PC on one to a PC on the other, with its history, within a second by a poke', async () => {
    // The poke stream opens once a user has signed in; the first change proves it is up.
    const warmUp = await createObject(a, { inventoryNumber: 'PG-POKE-0' })
    await a.syncNow()
    await eventually(() => b.call('property.get', { id: warmUp }).then((r) => r.ok), 5_000, 'the first poke')

    const id = await createObject(a, { inventoryNumber: 'PG-POKE-1', name: 'სპორტული დარბაზი' })
    await a.syncNow()
    expect(a.outbox()).toEqual([])
    const pushedAt = Date.now()
    await eventually(() => b.call('property.get', { id }).then((r) => r.ok), 1_000, 'B seeing the change')
    expect(Date.now() - pushedAt).toBeLessThan(1_000)
    expect((await get(b, id)).name).toBe('სპორტული დარბაზი')
    const history = await b.ok<HistoryEntry[]>('property.history', { id })
    expect(history).toEqual([expect.objectContaining({ op: 'insert', userName: clerkName })])
  })

  it('converge after both PCs edit one field offline, and the head’s decision reaches both', async () => {
    const id = await createObject(a, { inventoryNumber: 'PG-LWW', notes: 'საწყისი' })
    await a.syncNow()
    await b.syncNow()
    await offline(a, b)
    await a.ok('property.update', { id, version: (await get(a, id)).version, changes: { notes: 'A' } })
    await new Promise((resolve) => setTimeout(resolve, 5))
    await b.ok('property.update', { id, version: (await get(b, id)).version, changes: { notes: 'B' } })
    const [later, earlier] = laterFirst([
      [a, 'A'],
      [b, 'B'],
    ])
    await online(a)
    await a.syncNow()
    await online(b)
    await b.syncNow()
    await a.syncNow()
    for (const pc of [a, b]) expect((await get(pc, id)).notes).toBe(later)
    const onB = (await b.ok<Conflict[]>('sync.listConflicts', {}, headOnB)).filter((c) => c.rowId === id)
    const onA = (await a.ok<Conflict[]>('sync.listConflicts', {}, headOnA)).filter((c) => c.rowId === id)
    expect(onA).toEqual(onB)
    expect(onB).toEqual([
      expect.objectContaining({
        kind: 'concurrentEdit',
        field: 'notes',
        current: expect.objectContaining({ value: later }),
        other: expect.objectContaining({ value: earlier }),
      }),
    ])

    await a.ok('sync.resolveConflict', { id: onB[0]!.id, keep: 'other' }, headOnA)
    await a.syncNow()
    await b.syncNow()
    for (const [pc, head] of [
      [a, headOnA],
      [b, headOnB],
    ] as const) {
      expect((await get(pc, id)).notes).toBe(earlier)
      const resolved = await pc.ok<Conflict[]>('sync.listConflicts', { status: 'resolved' }, head)
      expect(resolved.filter((c) => c.rowId === id)).toEqual([
        expect.objectContaining({ status: 'resolved', resolvedBy: headName }),
      ])
    }
  })

  it('refuse an inventory number taken on the other instance, and the corrected resend is accepted', async () => {
    await offline(a, b)
    await createObject(a, { inventoryNumber: 'PG-DUP' })
    const second = await createObject(b, { inventoryNumber: 'PG-DUP' })
    await online(a)
    await a.syncNow()
    await online(b)
    await b.syncNow()
    const [refused] = await b.ok<RejectedChange[]>('sync.listRejected', {})
    expect(refused).toMatchObject({ rowId: second, reason: 'DUPLICATE' })
    await b.ok('sync.resendRejected', {
      id: refused!.id,
      fields: { ...refused!.fields, inventoryNumber: 'PG-DUP-2' },
    })
    await b.syncNow()
    await a.syncNow()
    const server = await serverRows(servers[0]!.ctx.db, 'property')
    expect(localRows(a, 'property')).toEqual(server)
    expect(localRows(b, 'property')).toEqual(server)
    expect(a.outbox()).toEqual([])
    expect(b.outbox()).toEqual([])
  })
})
