import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullResponse } from '../../../../domain/sync/protocol'
import { openPostgres } from '../../../../server/db/openPostgres'
import { changeLog } from '../../../../server/db/schema'
import { createTestDatabase, type TestDatabase } from '../../../support/postgres'
import { mutation, objectRow, type SyncFixture, startSyncFixture, type TestUser } from './syncFixture'

// On real PostgreSQL, where push transactions really run at once on several connections: a reader
// paging by `seq > cursor` while they commit must see every sequence number exactly once.

let testDb: TestDatabase
let f: SyncFixture
let clerk: TestUser

beforeAll(async () => {
  testDb = await createTestDatabase()
  f = await startSyncFixture(await openPostgres(testDb.url, { poolSize: 8 }))
  clerk = await f.addUser('clerk', ['property'])
}, 60_000)

afterAll(async () => {
  await f?.close()
  await testDb?.drop()
})

describe('concurrent pushes', () => {
  it('never let a reader skip a sequence number', async () => {
    const pcs = await Promise.all([1, 2, 3, 4].map(() => f.enrolPc()))
    const session = await f.signIn(pcs[0]!, clerk)
    let writing = true
    const writers = pcs.map(async (pc) => {
      for (let batch = 0; batch < 8; batch++) {
        const mutations = [1, 2, 3].map(() =>
          mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() }),
        )
        const reply = await f.push(pc, mutations)
        expect(reply.status).toBe(200)
      }
    })
    const seen: number[] = []
    let cursor = 0
    const readOnce = async () => {
      const reply = await f.request<PullResponse>(
        'GET',
        `/v1/sync/pull?scope=property&after=${cursor}&limit=4`,
        {
          pc: pcs[0],
          session,
        },
      )
      expect(reply.status).toBe(200)
      seen.push(...reply.body.changes.map((c) => c.seq))
      cursor = reply.body.next
      return reply.body.hasMore
    }
    const reader = (async () => {
      while (writing) await readOnce()
      while (await readOnce()) {}
    })()
    await Promise.all(writers)
    writing = false
    await reader
    const all = await f.ctx.db
      .select({ seq: changeLog.seq })
      .from(changeLog)
      .where(and(eq(changeLog.scope, 'property')))
      .orderBy(asc(changeLog.seq))
    expect(all).toHaveLength(4 * 8 * 3)
    expect(seen).toEqual(all.map((r) => r.seq))
  })
})
