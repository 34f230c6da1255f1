import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { v4 as uuidv4 } from 'uuid'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { PropertyObjectDetail } from '../../../../domain/property/views'
import type { RejectedChange } from '../../../../domain/sync/contract'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'
import { localRows, serverRows } from './e2eRows'
import { contractNumber, createObject, offline, online } from './e2eSamples'
import { type E2eServer, type OnlinePc, startE2eServer } from './e2eServer'
import { pgliteDatabase } from './pgliteTemplate'

// The central server put back from a backup: everything after the backup is gone from it, and it
// gets a new generation. PCs must notice, re-push what they still hold unconfirmed, and snapshot
// their scopes again, so the server ends up with every change a PC had not seen confirmed.

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

/** The in-memory PGlite's whole data folder, as a backup would keep it. */
async function backupOf(database: ServerDatabase): Promise<Blob> {
  const client = (database.db as unknown as { $client: PGlite }).$client
  return client.dumpDataDir('none')
}

/** A server database loaded from a backup, with a new generation, as the restore procedure leaves it. */
async function restore(backup: Blob): Promise<ServerDatabase> {
  const database = pgliteDatabase(await PGlite.create({ loadDataDir: backup }))
  await database.db.execute(sql`UPDATE server_meta SET generation = ${uuidv4()}`)
  return database
}

it('a server restored from a backup gets every unconfirmed change again, and both PCs resnapshot', async () => {
  const before = await createObject(a, { inventoryNumber: 'E2E-RESTORE-0' })
  await a.syncNow()
  await b.syncNow()
  const backup = await backupOf(s.database)

  // After the backup: A's change reaches the server and comes back confirmed; B's does not get there.
  const confirmed = await createObject(a, { inventoryNumber: 'E2E-RESTORE-1' })
  await a.syncNow()
  expect(a.outbox()).toEqual([])
  await offline(a, b)
  const unsentOnA = await createObject(a, { inventoryNumber: 'E2E-RESTORE-2' })
  const unsentOnB = await createObject(b, { inventoryNumber: 'E2E-RESTORE-3' })
  const edit = await b.ok<PropertyObjectDetail>('property.get', { id: before })
  await b.ok('property.update', { id: before, version: edit.version, changes: { notes: 'აღდგენის შემდეგ' } })

  await s.replaceDatabase(await restore(backup))
  await online(a, b)
  await a.syncNow()
  await b.syncNow()
  await a.syncNow()

  for (const pc of [a, b]) {
    expect(pc.outbox()).toEqual([])
    expect(await pc.ok<RejectedChange[]>('sync.listRejected', {})).toEqual([])
    const identity = pc.backend.db.$client.prepare('SELECT server_generation FROM device_state').pluck().get()
    expect(identity).toBe(s.server.generation)
  }
  const server = await serverRows(s.server.ctx.db, 'property')
  for (const id of [before, unsentOnA, unsentOnB]) expect(server).toContain(`propertyObject/${id}`)
  expect(localRows(a, 'property')).toEqual(server)
  expect(localRows(b, 'property')).toEqual(server)
  expect((await a.ok<PropertyObjectDetail>('property.get', { id: before })).notes).toBe('აღდგენის შემდეგ')
  // What the old server had confirmed after the backup is not on the restored one (see the report).
  expect(server).not.toContain(`propertyObject/${confirmed}`)
})

it('after a restore, no two PCs hold the same number block (blocks leased after the backup are given up)', async () => {
  const takeAll = (pc: OnlinePc) => {
    const numbers: string[] = []
    for (;;) {
      try {
        numbers.push(contractNumber(pc))
      } catch {
        return numbers
      }
    }
  }
  const backup = await backupOf(s.database)
  // After the backup A uses most of its block, and its next round leases another, which the restored
  // server will not know about.
  for (let i = 0; i < 45; i++) contractNumber(a)
  await a.syncNow()
  const blocks = a.backend.db.$client.prepare('SELECT count(*) FROM number_pool').pluck().get()
  expect(blocks).toBe(2)

  await s.replaceDatabase(await restore(backup))
  // B asks first: the restored server hands it the block A leased after the backup, unless A gives it up.
  await b.syncNow()
  for (let i = 0; i < 45; i++) contractNumber(b)
  await b.syncNow()
  await a.syncNow()
  const fromA = new Set(takeAll(a))
  const fromB = takeAll(b)
  expect(fromA.size).toBeGreaterThan(0)
  expect(fromB.filter((n) => fromA.has(n))).toEqual([])
})
