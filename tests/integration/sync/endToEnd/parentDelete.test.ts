import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PropertyObjectDetail } from '../../../../domain/property/views'
import type { RejectedChange } from '../../../../domain/sync/contract'
import { openPostgres } from '../../../../server/db/openPostgres'
import { record } from '../../../../server/db/schema'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'
import { createTestDatabase, type TestDatabase } from '../../../support/postgres'
import { sampleLease } from '../../../support/propertySamples'
import { createObject, offline, online } from './e2eSamples'
import { type E2eServer, type OnlinePc, startE2eServer } from './e2eServer'

// A record live records still name is not deleted, even when the PC that deletes it has not yet
// heard of them: the server refuses the delete against its own state (HAS_CHILDREN), the PC keeps
// the change in its needs-attention list and gets the record back. The other order, a child saved
// under a record the server has already deleted, is refused as before (REFERENCE). The same on
// embedded PGlite and on PostgreSQL.

const engines: [string, () => Promise<{ database?: ServerDatabase; drop(): Promise<void> }>][] = [
  ['PGlite', async () => ({ drop: async () => {} })],
  [
    'PostgreSQL',
    async () => {
      const testDb: TestDatabase = await createTestDatabase()
      return { database: await openPostgres(testDb.url, { poolSize: 4 }), drop: () => testDb.drop() }
    },
  ],
]

describe.each(engines)('a parent deleted on one PC while another adds a child, on %s', (_name, open) => {
  let s: E2eServer
  let a: OnlinePc
  let b: OnlinePc
  let drop: () => Promise<void>

  beforeAll(async () => {
    const engine = await open()
    drop = engine.drop
    s = await startE2eServer(engine.database)
    a = await s.startPc()
    b = await s.startPc()
    await Promise.all([a.syncNow(), b.syncNow()])
  }, 90_000)
  afterAll(async () => {
    await s?.close()
    await drop?.()
  })

  const get = (pc: OnlinePc, id: string) => pc.ok<PropertyObjectDetail>('property.get', { id })
  const rejected = (pc: OnlinePc) => pc.ok<RejectedChange[]>('sync.listRejected', {})
  const onServer = async (id: string) => {
    const [row] = await s.server.ctx.db
      .select({ values: record.values, deletedAt: record.deletedAt })
      .from(record)
      .where(eq(record.id, id))
    return row
  }

  it('refuses a delete of an object that got a lease on another PC meanwhile; the PC keeps it for the clerk and gets the object back', async () => {
    const id = await createObject(a, { inventoryNumber: 'PD-LEASED' })
    await a.syncNow()
    await b.syncNow()
    await offline(b)
    const lease = await a.ok<{ id: string }>(
      'property.createLease',
      sampleLease(id, { contractNumber: 'PD-L-1' }),
    )
    await a.syncNow()
    expect(a.outbox()).toEqual([])

    // B has not heard of the lease: its own store lets the object go.
    await b.ok('property.remove', { id, version: (await get(b, id)).version })
    expect((await b.call('property.get', { id })).ok).toBe(false)
    await online(b)
    await b.syncNow()

    const refused = await rejected(b)
    expect(refused.map((r) => [r.rowId, r.op, r.reason])).toEqual([[id, 'delete', 'HAS_CHILDREN']])
    expect(refused[0]!.message).toContain('1 propertyLease')
    expect(b.outbox()).toEqual([])
    expect(await onServer(id)).toMatchObject({ deletedAt: null, values: { inventoryNumber: 'PD-LEASED' } })
    // The object is back on B, with the lease the server sent meanwhile.
    await b.syncNow()
    const back = await get(b, id)
    expect(back.inventoryNumber).toBe('PD-LEASED')
    expect(back.leases.map((l) => l.id)).toEqual([lease.id])
    // Now B knows the lease: its own store refuses the same delete before anything is sent.
    expect(await b.call('property.remove', { id, version: (await get(b, id)).version })).toMatchObject({
      ok: false,
      error: { code: 'HAS_CHILDREN', children: [{ entity: 'propertyLease', count: 1 }] },
    })
    expect(b.outbox()).toEqual([])
  })

  it('refuses, as before, a lease saved offline under an object the server has already deleted', async () => {
    const id = await createObject(a, { inventoryNumber: 'PD-GONE' })
    await a.syncNow()
    await b.syncNow()
    await offline(b)
    await a.ok('property.remove', { id, version: (await get(a, id)).version })
    await a.syncNow()

    const lease = await b.ok<{ id: string }>(
      'property.createLease',
      sampleLease(id, { contractNumber: 'PD-L-2' }),
    )
    await online(b)
    await b.syncNow()
    await b.syncNow()

    const refused = await rejected(b)
    expect(refused.filter((r) => r.rowId === lease.id).map((r) => [r.op, r.reason])).toEqual([
      ['insert', 'REFERENCE'],
    ])
    expect(b.outbox()).toEqual([])
    expect((await onServer(id))?.deletedAt).not.toBeNull()
    expect((await b.call('property.get', { id })).ok).toBe(false)
  })
})
