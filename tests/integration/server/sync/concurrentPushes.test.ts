import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MutationResult, PullResponse } from '../../../../domain/sync/protocol'
import { openPostgres } from '../../../../server/db/openPostgres'
import { changeLog, record } from '../../../../server/db/schema'
import { createTestDatabase, type TestDatabase } from '../../../support/postgres'
import {
  mutation,
  objectRow,
  type SyncFixture,
  startSyncFixture,
  type TestPc,
  type TestUser,
} from './syncFixture'

// On real PostgreSQL, where push transactions really run at once on several connections: a reader
// paging by `seq > cursor` while they commit must see every sequence number exactly once, and two
// PCs pushing at once get the same merge as one after the other.

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

  describe('edits of one field by two PCs pushed at once', () => {
    const conflictCount = async () =>
      (await f.ctx.db.select({ id: record.id }).from(record).where(eq(record.entity, 'syncConflict'))).length
    const notesOf = async (id: string) => {
      const [row] = await f.ctx.db.select({ values: record.values }).from(record).where(eq(record.id, id))
      return (row?.values as Record<string, unknown> | undefined)?.notes
    }
    const update = (pc: TestPc, id: string, notes: string, base: number) =>
      mutation(pc, clerk, {
        entity: 'propertyObject',
        rowId: id,
        op: 'update',
        fields: { notes },
        base: { notes: base },
      })
    /** A new object on `pc`; its id and the version of its fields. */
    const newObject = async (pc: TestPc) => {
      const insert = mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() })
      const [result] = (await f.push(pc, [insert])).body.results
      if (result?.status !== 'applied') throw new Error(`insert: ${JSON.stringify(result)}`)
      return { id: insert.rowId, version: result.changeSeq }
    }
    const changeSeqOf = (result: MutationResult | undefined) => {
      if (result?.status !== 'applied') throw new Error(`expected applied: ${JSON.stringify(result)}`)
      return result.changeSeq
    }

    it("an edit made on top of the other PC's, pushed while that one is delivered again (its answer lost), is no conflict", async () => {
      const [a, b] = await Promise.all([f.enrolPc(), f.enrolPc()])
      const { id, version } = await newObject(a)
      const first = update(a, id, 'A-მ შეცვალა', version)
      const firstAnswer = changeSeqOf((await f.push(a, [first])).body.results[0])
      const before = await conflictCount()
      // B pulled A's change and edits on top of it; A never got its answer and sends it again, twice.
      const second = update(b, id, 'B-მ შეცვალა მერე', firstAnswer)
      const replies = await Promise.all([f.push(a, [first]), f.push(b, [second]), f.push(a, [first])])
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200])
      expect(changeSeqOf(replies[0]!.body.results[0])).toBe(firstAnswer)
      expect(changeSeqOf(replies[2]!.body.results[0])).toBe(firstAnswer)
      changeSeqOf(replies[1]!.body.results[0])
      expect(await notesOf(id)).toBe('B-მ შეცვალა მერე')
      expect(await conflictCount()).toBe(before)
    })

    it('truly concurrent edits (both from the same version) pushed at once leave exactly one conflict', async () => {
      const [a, b] = await Promise.all([f.enrolPc(), f.enrolPc()])
      const { id, version } = await newObject(a)
      const before = await conflictCount()
      const [fromA, fromB] = await Promise.all([
        f.push(a, [update(a, id, 'A-ს ვერსია', version)]),
        f.push(b, [update(b, id, 'B-ს ვერსია', version)]),
      ])
      const results = [fromA.body.results[0], fromB.body.results[0]]
      expect(results.map((r) => r?.status).sort()).toEqual(['applied', 'conflicted'])
      expect(await conflictCount()).toBe(before + 1)
    })
  })
})
