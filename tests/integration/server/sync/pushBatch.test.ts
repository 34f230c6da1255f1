import { inArray } from 'drizzle-orm'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mutation, MutationResult } from '../../../../domain/sync/protocol'
import { record, uniqueKey } from '../../../../server/db/schema'
import {
  leaseRow,
  mutation,
  objectRow,
  type SyncFixture,
  startSyncFixture,
  type TestPc,
  type TestUser,
} from './syncFixture'

// The server applies a batch in memory and writes it at the end (server/sync/pushBatch.ts): a batch
// must end exactly as the same mutations pushed one at a time, each seeing the ones before it.

let f: SyncFixture
let clerk: TestUser
let pc: TestPc

beforeAll(async () => {
  f = await startSyncFixture()
  clerk = await f.addUser('clerk', ['property'])
  pc = await f.enrolPc()
})
afterAll(() => f.close())

/**
 * Row chains that lean on earlier mutations of the same batch: parents, children that hold their
 * parent until deleted, released numbers, edits.
 */
function scenario() {
  const ids = {
    a: uuidv7(),
    b: uuidv7(),
    c: uuidv7(),
    d: uuidv7(),
    e: uuidv7(),
    f: uuidv7(),
    lease: uuidv7(),
    lease2: uuidv7(),
  }
  const n1 = `INV-${uuidv7().slice(-8)}`
  const n2 = `INV-${uuidv7().slice(-8)}`
  const n3 = `INV-${uuidv7().slice(-8)}`
  const n4 = `INV-${uuidv7().slice(-8)}`
  const n5 = `INV-${uuidv7().slice(-8)}`
  const contract = `contract-2026-${Math.floor(Math.random() * 1e9)}`
  const contract2 = `contract-2026-${Math.floor(Math.random() * 1e9)}`
  const object = 'propertyObject'
  const m = (change: Parameters<typeof mutation>[2]) => mutation(pc, clerk, change)
  // Stored before the batch: the batch moves D off n3, and E takes n3; F gets a lease and stays.
  const before = [
    m({ entity: object, rowId: ids.d, op: 'insert', fields: objectRow({ inventoryNumber: n3 }) }),
    m({ entity: object, rowId: ids.f, op: 'insert', fields: objectRow({ inventoryNumber: n5 }) }),
  ]
  const mutations: Mutation[] = [
    m({ entity: object, rowId: ids.a, op: 'insert', fields: objectRow({ inventoryNumber: n1 }) }),
    m({
      entity: 'propertyLease',
      rowId: ids.lease,
      op: 'insert',
      fields: leaseRow(ids.a, { contractNumber: contract }),
    }),
    m({ entity: object, rowId: ids.a, op: 'update', fields: { inventoryNumber: n2, name: 'ახალი' } }),
    m({ entity: object, rowId: ids.b, op: 'insert', fields: objectRow({ inventoryNumber: n1 }) }),
    m({ entity: object, rowId: ids.b, op: 'update', fields: { inventoryNumber: n2 } }),
    m({ entity: object, rowId: ids.a, op: 'delete' }),
    m({ entity: 'propertyLease', rowId: ids.lease, op: 'delete' }),
    m({ entity: object, rowId: ids.a, op: 'delete' }),
    m({ entity: object, rowId: ids.b, op: 'update', fields: { inventoryNumber: n2, areaSqm: 99 } }),
    m({ entity: object, rowId: ids.c, op: 'insert', fields: objectRow({ inventoryNumber: n1 }) }),
    m({ entity: object, rowId: ids.c, op: 'update', fields: { areaSqm: 7 } }),
    m({ entity: object, rowId: uuidv7(), op: 'update', fields: { areaSqm: 1 } }),
    m({ entity: object, rowId: ids.d, op: 'update', fields: { inventoryNumber: n4 } }),
    m({ entity: object, rowId: ids.e, op: 'insert', fields: objectRow({ inventoryNumber: n3 }) }),
    m({
      entity: 'propertyLease',
      rowId: ids.lease2,
      op: 'insert',
      fields: leaseRow(ids.f, { contractNumber: contract2 }),
    }),
    m({ entity: object, rowId: ids.f, op: 'delete' }),
  ]
  const names = new Map<string, string>([
    [ids.a, 'A'],
    [ids.b, 'B'],
    [ids.c, 'C'],
    [ids.lease, 'L'],
    [ids.lease2, 'L2'],
    [ids.f, 'F'],
    [n5, 'n5'],
    [contract2, 'contract2'],
    [n1, 'n1'],
    [n2, 'n2'],
    [n3, 'n3'],
    [n4, 'n4'],
    [ids.d, 'D'],
    [ids.e, 'E'],
    [contract, 'contract'],
  ])
  return { ids, before, mutations, names }
}

const byJson = (x: unknown, y: unknown) => JSON.stringify(x).localeCompare(JSON.stringify(y))

/** What a run left: outcomes and rows, with its ids and numbers replaced by their names. */
async function outcome(run: ReturnType<typeof scenario>, results: MutationResult[]) {
  const rename = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (_k, v) => run.names.get(v) ?? v)
  const ids = Object.values(run.ids)
  const rows = await f.ctx.db.select().from(record).where(inArray(record.id, ids))
  const keys = await f.ctx.db.select().from(uniqueKey).where(inArray(uniqueKey.rowId, ids))
  return {
    results: results.map((r) =>
      rename({
        status: r.status,
        reason: 'reason' in r ? r.reason : null,
        current: 'current' in r ? (r.current?.values ?? null) : null,
      }),
    ),
    rows: rows
      .map((r) =>
        rename({
          id: r.id,
          values: r.values,
          deleted: r.deletedAt !== null,
          deletedSeq: r.deletedSeq !== null,
        }),
      )
      .sort(byJson),
    keys: keys.map((k) => rename({ key: k.key, value: k.value, rowId: k.rowId })).sort(byJson),
  }
}

describe('a push batch', () => {
  it('ends as the same mutations pushed one at a time', async () => {
    const single = scenario()
    expect((await f.push(pc, single.before)).status).toBe(200)
    const singleResults: MutationResult[] = []
    for (const m of single.mutations) {
      const reply = await f.push(pc, [m])
      expect(reply.status).toBe(200)
      singleResults.push(...reply.body.results)
    }
    const batched = scenario()
    expect((await f.push(pc, batched.before)).status).toBe(200)
    const reply = await f.push(pc, batched.mutations)
    expect(reply.status).toBe(200)

    const one = await outcome(single, singleResults)
    const all = await outcome(batched, reply.body.results)
    expect(all).toEqual(one)
    // The chain did what it says: the lease found its new parent and held it until the lease was
    // deleted, B could take n1 once A let it go, n2 was refused to B while A held it, the unknown row
    // was NOT_FOUND, and F stayed for the lease the batch gave it.
    expect(all.results.map((r) => (r as { status: string }).status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'rejected',
      'rejected',
      'applied',
      'applied',
      'applied',
      'applied',
      'applied',
      'rejected',
      'applied',
      'applied',
      'applied',
      'rejected',
    ])
    expect(all.results[4]).toMatchObject({ reason: 'DUPLICATE', current: { inventoryNumber: 'n1' } })
    expect(all.results[5]).toMatchObject({ reason: 'HAS_CHILDREN', current: { inventoryNumber: 'n2' } })
    expect(all.results[15]).toMatchObject({ reason: 'HAS_CHILDREN', current: { inventoryNumber: 'n5' } })
    expect(all.keys).toEqual([
      { key: 'contractNumber', value: 'contract2', rowId: 'L2' },
      { key: 'inventoryNumber', value: 'n1', rowId: 'C' },
      { key: 'inventoryNumber', value: 'n2', rowId: 'B' },
      { key: 'inventoryNumber', value: 'n3', rowId: 'E' },
      { key: 'inventoryNumber', value: 'n4', rowId: 'D' },
      { key: 'inventoryNumber', value: 'n5', rowId: 'F' },
    ])
    expect(all.rows.find((r) => (r as { id: string }).id === 'F')).toMatchObject({ deleted: false })
    expect(all.rows.find((r) => (r as { id: string }).id === 'A')).toMatchObject({
      deleted: true,
      deletedSeq: true,
    })
  })
})
