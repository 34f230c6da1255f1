import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deviceIdentity, saveEnrolment } from '../../../../db/sync/deviceIdentity'
import { addLease, needsTopUp, takeNumber } from '../../../../db/sync/numberPool'
import { markSentUpTo, readOutbox, renumberOutboxForEpoch } from '../../../../db/sync/outbox'
import { decodeHlc } from '../../../../domain/time/hlc'
import { clerk, objectValues } from './syncSamples'
import { syncStore } from './syncStore'

const lease = {
  series: 'contract',
  department: 'property',
  year: 2026,
  expiresAt: '2026-12-31T00:00:00.000Z',
} as const
const now = new Date('2026-03-01T00:00:00.000Z')

describe('the number pool', () => {
  let s: ReturnType<typeof syncStore>
  beforeEach(() => {
    s = syncStore()
  })
  afterEach(() => s.close())

  it('never issues a number twice and stops at the end of its blocks', () => {
    addLease(s.db, { ...lease, from: 1, to: 3 })
    addLease(s.db, { ...lease, from: 101, to: 102 })
    addLease(s.db, { ...lease, from: 1, to: 3 }) // the same answer received twice
    const issued = Array.from({ length: 5 }, () => takeNumber(s.db, 'contract', 'property', 2026, now))
    expect(issued).toEqual([
      'ხშ-2026-000001',
      'ხშ-2026-000002',
      'ხშ-2026-000003',
      'ხშ-2026-000101',
      'ხშ-2026-000102',
    ])
    expect(() => takeNumber(s.db, 'contract', 'property', 2026, now)).toThrow(/no contract numbers/)
  })

  it('does not use an expired block and asks for a top-up below 30% of the block', () => {
    addLease(s.db, { ...lease, from: 1, to: 10, expiresAt: '2026-02-01T00:00:00.000Z' })
    expect(() => takeNumber(s.db, 'contract', 'property', 2026, now)).toThrow(/no contract numbers/)
    expect(needsTopUp(s.db, 'receipt', 'property', 2026, now)).toBe(true)
    addLease(s.db, { ...lease, from: 11, to: 20 })
    for (let i = 0; i < 7; i++) takeNumber(s.db, 'contract', 'property', 2026, now)
    expect(needsTopUp(s.db, 'contract', 'property', 2026, now)).toBe(false) // 3 of 10 left
    takeNumber(s.db, 'contract', 'property', 2026, now)
    expect(needsTopUp(s.db, 'contract', 'property', 2026, now)).toBe(true) // 2 of 10 left
  })

  it('gives a number back when the saving transaction fails', () => {
    addLease(s.db, { ...lease, from: 1, to: 5 })
    expect(() =>
      s.client.transaction(() => {
        takeNumber(s.db, 'contract', 'property', 2026, now)
        throw new Error('the receipt failed to save')
      })(),
    ).toThrow()
    expect(takeNumber(s.db, 'contract', 'property', 2026, now)).toBe('ხშ-2026-000001')
  })
})

describe('the outbox towards the server', () => {
  let s: ReturnType<typeof syncStore>
  beforeEach(() => {
    s = syncStore()
  })
  afterEach(() => s.close())

  it('reads protocol mutations in device order, after the last applied one', () => {
    for (const n of ['A', 'B', 'C']) {
      s.write(clerk, [
        { op: 'insert', entity: 'propertyObject', values: objectValues({ inventoryNumber: n }) },
      ])
    }
    const all = readOutbox(s.db, { limit: 10 })
    expect(all.map((m) => m.seq)).toEqual([1, 2, 3])
    expect(all[0]).toMatchObject({ entity: 'propertyObject', op: 'insert', userId: clerk.userId })
    expect(readOutbox(s.db, { limit: 1, afterSeq: 1 }).map((m) => m.seq)).toEqual([2])
    markSentUpTo(s.db, 2, now)
    expect(s.outbox().map((r) => r.state)).toEqual(['sent', 'sent', 'pending'])
  })

  it('renumbers unconfirmed rows for a new epoch, pending again, ids kept', () => {
    for (const n of ['A', 'B']) {
      s.write(clerk, [
        { op: 'insert', entity: 'propertyObject', values: objectValues({ inventoryNumber: n }) },
      ])
    }
    markSentUpTo(s.db, 2, now)
    const ids = s.outbox().map((r) => r.mutationId)
    renumberOutboxForEpoch(s.db, 2, 1)
    // Renumbering onto overlapping numbers does not collide.
    renumberOutboxForEpoch(s.db, 3, 2)
    expect(s.outbox()).toEqual([
      { seq: 2, mutationId: ids[0], state: 'pending' },
      { seq: 3, mutationId: ids[1], state: 'pending' },
    ])
    expect(deviceIdentity(s.db)).toMatchObject({ epoch: 3, lastSeq: 3 })
    s.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues({ inventoryNumber: 'C' }) },
    ])
    expect(s.outbox().at(-1)?.seq).toBe(4)
  })

  it("after enrolment, new HLC times carry the server's device id", () => {
    s.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues({ inventoryNumber: 'A' }) },
    ])
    const serverDeviceId = '0190a3c0-0000-7000-8000-0000000000ee'
    saveEnrolment(s.db, {
      serverUrl: 'http://127.0.0.1:1',
      deviceId: serverDeviceId,
      deviceToken: 'x'.repeat(40),
      epoch: 1,
      generation: '0190a3c0-0000-7000-8000-0000000000ff',
    })
    s.write(clerk, [
      { op: 'insert', entity: 'propertyObject', values: objectValues({ inventoryNumber: 'B' }) },
    ])
    const [first, second] = readOutbox(s.db, { limit: 10 })
    expect(decodeHlc(second!.hlc).deviceId).toBe(serverDeviceId)
    expect(second!.hlc > first!.hlc).toBe(true)
    expect(deviceIdentity(s.db)).toMatchObject({
      deviceId: serverDeviceId,
      epoch: 1,
      serverUrl: 'http://127.0.0.1:1',
    })
  })
})
