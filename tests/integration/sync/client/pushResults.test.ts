import { v7 as uuidv7 } from 'uuid'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { propertySearchIndex } from '../../../../db/property/searchIndex'
import { applyPullPage } from '../../../../db/sync/applyPullPage'
import { outboxCounts } from '../../../../db/sync/outbox'
import { recordPushResults } from '../../../../db/sync/pushResults'
import type { ServerRow } from '../../../../domain/sync/protocol'
import { clerk, entry, objectPut, objectValues } from './syncSamples'
import { syncStore } from './syncStore'

const derived = [propertySearchIndex]

describe('recordPushResults', () => {
  let s: ReturnType<typeof syncStore>
  beforeEach(() => {
    s = syncStore()
  })
  afterEach(() => s.close())

  const serverObject = (rowId: string, seq: number): ServerRow => ({
    entity: 'propertyObject',
    rowId,
    scope: 'property',
    values: objectValues(),
    fieldVersions: { '*': seq },
    deletedAt: null,
  })
  const rejected = () => s.client.prepare('SELECT * FROM sync_rejected').all() as Record<string, unknown>[]

  it('marks applied and conflicted rows as sent; they stay until their effect is pulled', () => {
    s.write(clerk, [{ op: 'insert', entity: 'propertyObject', values: objectValues() }])
    s.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues({ inventoryNumber: 'B' }) },
    ])
    const [a, b] = s.outbox()
    const outcome = recordPushResults(s.db, [
      { seq: a!.seq, mutationId: a!.mutationId, status: 'applied', changeSeq: 5 },
      { seq: b!.seq, mutationId: b!.mutationId, status: 'conflicted', changeSeq: 6, conflictIds: [uuidv7()] },
    ])
    expect(outcome).toEqual({ sent: 2, rejected: 0 })
    expect(s.outbox().map((r) => r.state)).toEqual(['sent', 'sent'])
    expect(outboxCounts(s.db)).toEqual({ pending: 0, unconfirmed: 2, needsAttention: 0 })
  })

  it('keeps a refused change in sync_rejected and puts the server row back', () => {
    const put = objectPut(10)
    applyPullPage(s.db, 'property', { changes: [put], next: 10, hasMore: false }, derived)
    s.write(clerk, [
      { op: 'update', entity: 'propertyObject', id: put.rowId, values: { inventoryNumber: 'TAKEN' } },
    ])
    const [mine] = s.outbox()
    recordPushResults(
      s.db,
      [
        {
          seq: mine!.seq,
          mutationId: mine!.mutationId,
          status: 'rejected',
          reason: 'DUPLICATE',
          message: 'inventory number taken',
          current: serverObject(put.rowId, 10),
        },
      ],
      derived,
    )
    expect(s.outbox()).toEqual([])
    expect(s.object(put.rowId)).toMatchObject({ inventory_number: objectValues().inventoryNumber })
    expect(rejected()).toMatchObject([
      {
        mutation_id: mine!.mutationId,
        reason: 'DUPLICATE',
        user_name: clerk.userName,
        resolution: null,
        fields: JSON.stringify({ inventoryNumber: 'TAKEN' }),
      },
    ])
    expect(outboxCounts(s.db).needsAttention).toBe(1)
  })

  it('keeps the newer fields when a refusal’s server row comes after a later pull of the row', () => {
    const put = objectPut(10)
    applyPullPage(s.db, 'property', { changes: [put], next: 10, hasMore: false }, derived)
    s.write(clerk, [{ op: 'delete', entity: 'propertyObject', id: put.rowId }])
    const [mine] = s.outbox()
    // Another PC renamed it, and this PC pulled that before the (late) answer to its delete came.
    applyPullPage(
      s.db,
      'property',
      {
        changes: [entry({ seq: 12, rowId: put.rowId, values: { custodian: 'ახალი მეურვე' } })],
        next: 12,
        hasMore: false,
      },
      derived,
    )
    recordPushResults(
      s.db,
      [
        {
          seq: mine!.seq,
          mutationId: mine!.mutationId,
          status: 'rejected',
          reason: 'HAS_CHILDREN',
          message: 'a lease names it',
          current: serverObject(put.rowId, 10),
        },
      ],
      derived,
    )
    // Back as the server has it: live again, with the custodian of the later change, not the refusal's.
    expect(s.object(put.rowId)).toMatchObject({ deleted_at: null, custodian: 'ახალი მეურვე' })
    expect(JSON.parse(String(s.object(put.rowId)!.field_versions))).toMatchObject({ custodian: 12 })
  })

  it('lets the effect of a pending change come back after a refusal’s row already carried it', () => {
    const put = objectPut(10)
    applyPullPage(s.db, 'property', { changes: [put], next: 10, hasMore: false }, derived)
    s.write(clerk, [
      { op: 'update', entity: 'propertyObject', id: put.rowId, values: { street: 'ჩემი ქუჩა' } },
    ])
    s.write(clerk, [{ op: 'delete', entity: 'propertyObject', id: put.rowId }])
    const [street, deletion] = s.outbox()
    // The server merged the street change as a conflict another PC's street won (seq 12), then
    // refused the delete; its row already has the street at 12. The street change is still unconfirmed.
    recordPushResults(
      s.db,
      [
        {
          seq: street!.seq,
          mutationId: street!.mutationId,
          status: 'conflicted',
          changeSeq: 12,
          conflictIds: [uuidv7()],
        },
        {
          seq: deletion!.seq,
          mutationId: deletion!.mutationId,
          status: 'rejected',
          reason: 'HAS_CHILDREN',
          message: 'a lease names it',
          current: {
            ...serverObject(put.rowId, 10),
            values: objectValues({ street: 'სხვისი ქუჩა' }),
            fieldVersions: { '*': 10, street: 12 },
          },
        },
      ],
      derived,
    )
    // The street change's effect comes back by pull: the server's street, not the clerk's, is kept.
    applyPullPage(
      s.db,
      'property',
      {
        changes: [
          entry({
            seq: 12,
            rowId: put.rowId,
            values: { street: 'სხვისი ქუჩა' },
            originMutation: street!.mutationId,
          }),
        ],
        next: 12,
        hasMore: false,
      },
      derived,
    )
    expect(s.object(put.rowId)).toMatchObject({ deleted_at: null, street: 'სხვისი ქუჩა' })
    expect(s.outbox()).toEqual([])
  })

  it('keeps fields that another pending change still holds', () => {
    const put = objectPut(10)
    applyPullPage(s.db, 'property', { changes: [put], next: 10, hasMore: false })
    s.write(clerk, [
      { op: 'update', entity: 'propertyObject', id: put.rowId, values: { inventoryNumber: 'TAKEN' } },
    ])
    s.write(clerk, [
      { op: 'update', entity: 'propertyObject', id: put.rowId, values: { name: 'ახალი სახელი' } },
    ])
    const [first] = s.outbox()
    recordPushResults(s.db, [
      {
        seq: first!.seq,
        mutationId: first!.mutationId,
        status: 'rejected',
        reason: 'DUPLICATE',
        message: 'taken',
        current: serverObject(put.rowId, 10),
      },
    ])
    expect(s.object(put.rowId)).toMatchObject({
      inventory_number: objectValues().inventoryNumber,
      name: 'ახალი სახელი',
    })
    expect(s.outbox()).toHaveLength(1)
  })

  it('removes a new row the server refused (its values stay in sync_rejected), and its search entry', () => {
    const [created] = s.write(clerk, [{ op: 'insert', entity: 'propertyObject', values: objectValues() }])
    const [mine] = s.outbox()
    expect(s.searchHits(created!.id)).toBe(1)
    recordPushResults(
      s.db,
      [
        {
          seq: mine!.seq,
          mutationId: mine!.mutationId,
          status: 'rejected',
          reason: 'FORBIDDEN',
          message: 'no',
          current: null,
        },
      ],
      derived,
    )
    expect(s.object(created!.id)).toBeUndefined()
    expect(s.searchHits(created!.id)).toBe(0)
    expect(JSON.parse(String(rejected()[0]!.fields))).toMatchObject({ name: objectValues().name })
  })

  it('keeps a refused new row while a later change of it is still pending', () => {
    const [created] = s.write(clerk, [{ op: 'insert', entity: 'propertyObject', values: objectValues() }])
    s.write(clerk, [
      { op: 'update', entity: 'propertyObject', id: created!.id, values: { name: 'შესწორება' } },
    ])
    const [first] = s.outbox()
    recordPushResults(s.db, [
      {
        seq: first!.seq,
        mutationId: first!.mutationId,
        status: 'rejected',
        reason: 'VALIDATION',
        message: 'x',
        current: null,
      },
    ])
    expect(s.object(created!.id)).toMatchObject({ name: 'შესწორება' })
  })

  it('ignores a result whose outbox row already came back by pull', () => {
    const outcome = recordPushResults(s.db, [
      { seq: 1, mutationId: uuidv7(), status: 'rejected', reason: 'VALIDATION', message: 'x', current: null },
    ])
    expect(outcome).toEqual({ sent: 0, rejected: 0 })
    expect(rejected()).toEqual([])
  })

  it('a pulled change after a refusal still respects later pending fields', () => {
    const put = objectPut(10)
    applyPullPage(s.db, 'property', { changes: [put], next: 10, hasMore: false })
    s.write(clerk, [{ op: 'update', entity: 'propertyObject', id: put.rowId, values: { name: 'ჩემი' } }])
    applyPullPage(s.db, 'property', {
      changes: [entry({ seq: 11, rowId: put.rowId, values: { name: 'სხვა' } })],
      next: 11,
      hasMore: false,
    })
    expect(s.object(put.rowId)).toMatchObject({ name: 'ჩემი' })
  })
  it('keeps a row the server has when a change of it is refused without the server row, unless the server says it has none', () => {
    const kept = objectPut(20)
    const gone = objectPut(21)
    applyPullPage(s.db, 'property', { changes: [kept, gone], next: 21, hasMore: false })
    s.write(clerk, [{ op: 'update', entity: 'propertyObject', id: kept.rowId, values: { name: 'ერთი' } }])
    s.write(clerk, [{ op: 'update', entity: 'propertyObject', id: gone.rowId, values: { name: 'ორი' } }])
    const [first, second] = s.outbox()
    const refusal = (m: typeof first, reason: 'VALIDATION' | 'NOT_FOUND') => ({
      seq: m!.seq,
      mutationId: m!.mutationId,
      status: 'rejected' as const,
      reason,
      message: 'x',
      current: null,
    })
    recordPushResults(s.db, [refusal(first, 'VALIDATION'), refusal(second, 'NOT_FOUND')], derived)
    // The refused edit went to sync_rejected; the row it edited is still the server's.
    expect(s.object(kept.rowId)).toBeDefined()
    expect(s.object(gone.rowId)).toBeUndefined()
    expect(rejected()).toHaveLength(2)
  })
})
