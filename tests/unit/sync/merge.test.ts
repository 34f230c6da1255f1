import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  clampHlc,
  fieldVersionsOf,
  HLC_FUTURE_WINDOW_MS,
  HLC_PAST_WINDOW_MS,
  type IncomingMutation,
  mergeMutation,
  type ServerRecord,
} from '../../../domain/sync/merge'
import { decodeHlc, encodeHlc } from '../../../domain/time/hlc'

// An entity of three fields, one of them guarded (an amount, say).
const FIELDS = ['name', 'note', 'amount'] as const
const rules = { guarded: ['amount'] }
const DEVICES = ['pcA', 'pcB', 'pcC'] as const
const T0 = 1_780_000_000_000

const value = fc.oneof(fc.constantFrom('x', 'y', 'z'), fc.integer({ min: 0, max: 3 }), fc.constant(null))
const hlcOf = (wallMs: number, counter: number, device: string) =>
  encodeHlc({ wallMs, counter, deviceId: device })
const arbHlc = (device: string) =>
  fc
    .tuple(fc.integer({ min: T0, max: T0 + 10_000 }), fc.integer({ min: 0, max: 3 }))
    .map(([w, c]) => hlcOf(w, c, device))

/** A row created at seq 1 and then edited field by field at seqs 2, 3, ... by various PCs. */
const arbRecord: fc.Arbitrary<ServerRecord> = fc
  .record({
    creator: fc.constantFrom(...DEVICES),
    values: fc.record({ name: value, note: value, amount: value }),
    edits: fc.array(
      fc.record({ field: fc.constantFrom(...FIELDS), device: fc.constantFrom(...DEVICES), value }),
      {
        maxLength: 4,
      },
    ),
  })
  .map(({ creator, values, edits }) => {
    const record: ServerRecord = {
      values: { ...values },
      meta: { '*': { seq: 1, hlc: hlcOf(T0, 0, creator), device: creator, by: creator } },
      deletedAt: null,
    }
    edits.forEach((e, i) => {
      record.values[e.field] = e.value
      record.meta[e.field] = {
        seq: i + 2,
        hlc: hlcOf(T0 + 100 * (i + 1), 0, e.device),
        device: e.device,
        by: e.device,
      }
    })
    return record
  })

const versionOf = (r: ServerRecord, f: string) => (r.meta[f] ?? r.meta['*']).seq
const writerOf = (r: ServerRecord, f: string) => (r.meta[f] ?? r.meta['*']).device

/** An update of some fields, each based on the current version or an older one. */
const arbUpdate = (record: ServerRecord) =>
  fc
    .record({
      device: fc.constantFrom(...DEVICES),
      changes: fc
        .subarray([...FIELDS], { minLength: 1 })
        .chain((fields) =>
          fc.tuple(...fields.map((f) => fc.record({ f: fc.constant(f), v: value, stale: fc.boolean() }))),
        ),
    })
    .chain(({ device, changes }) =>
      arbHlc(device).map((hlc): IncomingMutation => {
        const fields: Record<string, string | number | null> = {}
        const baseVersions: Record<string, number | null> = {}
        for (const { f, v, stale } of changes) {
          fields[f] = v
          baseVersions[f] = stale ? versionOf(record, f) - 1 || null : versionOf(record, f)
        }
        return { op: 'update', fields, baseVersions, hlc, device, userName: device }
      }),
    )

const arbCase = arbRecord.chain((record) => arbUpdate(record).map((mutation) => ({ record, mutation })))

const concurrent = (r: ServerRecord, m: IncomingMutation, f: string) => {
  const base = m.baseVersions[f]
  return !(base !== null && base !== undefined && base >= versionOf(r, f)) && writerOf(r, f) !== m.device
}

describe('field-level merge', () => {
  it('is deterministic and leaves its inputs alone', () => {
    fc.assert(
      fc.property(arbCase, ({ record, mutation }) => {
        const before = structuredClone(record)
        const a = mergeMutation(record, mutation, rules, 100)
        const b = mergeMutation(record, mutation, rules, 100)
        expect(a).toEqual(b)
        expect(record).toEqual(before)
      }),
    )
  })

  it("applies a device's edit of fields it wrote last, whatever the base (its own edit is not concurrent)", () => {
    fc.assert(
      fc.property(arbCase, ({ record, mutation }) => {
        fc.pre(Object.keys(mutation.fields).every((f) => writerOf(record, f) === mutation.device))
        const result = mergeMutation(record, mutation, rules, 100)
        if (result.outcome !== 'merged') throw new Error('expected a merge')
        expect(result.conflicts).toEqual([])
        for (const [f, v] of Object.entries(mutation.fields)) expect(result.record.values[f]).toBe(v)
      }),
    )
  })

  it('applies an edit whose base is the current version, with no conflict', () => {
    fc.assert(
      fc.property(arbCase, ({ record, mutation }) => {
        const fresh = {
          ...mutation,
          baseVersions: Object.fromEntries(FIELDS.map((f) => [f, versionOf(record, f)])),
        }
        const result = mergeMutation(record, fresh, rules, 100)
        if (result.outcome !== 'merged') throw new Error('expected a merge')
        expect(result.conflicts).toEqual([])
        expect(result.record.values).toEqual({ ...record.values, ...mutation.fields })
      }),
    )
  })

  it('loses no value: every value pushed or overwritten is in the row or in a conflict', () => {
    fc.assert(
      fc.property(arbCase, ({ record, mutation }) => {
        const result = mergeMutation(record, mutation, rules, 100)
        if (result.outcome !== 'merged') throw new Error('expected a merge')
        const keptAside = (f: string) =>
          result.conflicts.filter((c) => c.field === f).map((c) => c.other.value)
        for (const [f, pushed] of Object.entries(mutation.fields)) {
          const old = record.values[f] ?? null
          const now = result.record.values[f] ?? null
          expect(now === pushed || keptAside(f).includes(pushed)).toBe(true)
          if (now !== old && concurrent(record, mutation, f)) expect(keptAside(f)).toContain(old)
          if (concurrent(record, mutation, f) && pushed !== old)
            expect(result.conflicts.length).toBeGreaterThan(0)
        }
      }),
    )
  })

  it('never changes a guarded field on a concurrent edit; the pushed value waits in a guardedField conflict', () => {
    fc.assert(
      fc.property(arbCase, ({ record, mutation }) => {
        fc.pre('amount' in mutation.fields && concurrent(record, mutation, 'amount'))
        const result = mergeMutation(record, mutation, rules, 100)
        if (result.outcome !== 'merged') throw new Error('expected a merge')
        expect(result.record.values.amount).toBe(record.values.amount)
        if (mutation.fields.amount !== record.values.amount) {
          expect(result.conflicts).toContainEqual(
            expect.objectContaining({
              kind: 'guardedField',
              field: 'amount',
              other: expect.objectContaining({ value: mutation.fields.amount }),
            }),
          )
        }
      }),
    )
  })

  it('converges: two concurrent edits from different PCs give the same row in either order', () => {
    const arbTwo = arbRecord.chain((record) =>
      fc
        .tuple(fc.constantFrom(...DEVICES), fc.constantFrom(...DEVICES), arbUpdate(record), arbUpdate(record))
        .filter(([a, b]) => a !== b)
        .chain(([a, b, ma, mb]) =>
          fc.tuple(arbHlc(a), arbHlc(b)).map(([ha, hb]) => {
            // Both PCs saw the current row; neither has seen the other's edit. Unguarded fields only.
            const asOf = (m: IncomingMutation, device: string, hlc: string): IncomingMutation => {
              const fields = Object.fromEntries(Object.entries(m.fields).filter(([f]) => f !== 'amount'))
              const baseVersions = Object.fromEntries(
                Object.keys(fields).map((f) => [f, versionOf(record, f)]),
              )
              return { ...m, fields, baseVersions, device, hlc, userName: device }
            }
            return { record, first: asOf(ma, a, ha), second: asOf(mb, b, hb) }
          }),
        ),
    )
    fc.assert(
      fc.property(arbTwo, ({ record, first, second }) => {
        const run = (x: IncomingMutation, y: IncomingMutation) => {
          const r1 = mergeMutation(record, x, rules, 100)
          if (r1.outcome !== 'merged') throw new Error('expected a merge')
          const r2 = mergeMutation(r1.record, y, rules, 101)
          if (r2.outcome !== 'merged') throw new Error('expected a merge')
          return r2.record.values
        }
        expect(run(first, second)).toEqual(run(second, first))
      }),
    )
  })

  it('converges on a delete against an edit: deleted either way, and the edit is in the row or a conflict', () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.constantFrom(...DEVICES),
        arbHlc('pcZ'),
        ({ record, mutation }, deleter, hlc) => {
          fc.pre(deleter !== mutation.device)
          const base = Math.max(...Object.values(record.meta).map((m) => m.seq))
          const remove: IncomingMutation = {
            op: 'delete',
            fields: {},
            baseVersions: { deletedAt: base },
            hlc,
            device: deleter,
            userName: deleter,
          }
          const edit = {
            ...mutation,
            baseVersions: Object.fromEntries(FIELDS.map((f) => [f, versionOf(record, f)])),
          }
          const merged = (r: ReturnType<typeof mergeMutation>) => {
            if (r.outcome !== 'merged') throw new Error('expected a merge')
            return r
          }
          const deleteFirst = merged(mergeMutation(record, remove, rules, 100))
          const thenEdit = merged(mergeMutation(deleteFirst.record, edit, rules, 101))
          const editFirst = merged(mergeMutation(record, edit, rules, 100))
          const thenDelete = merged(mergeMutation(editFirst.record, remove, rules, 101))
          expect(thenEdit.record.deletedAt).not.toBeNull()
          expect(thenDelete.record.deletedAt).not.toBeNull()
          expect(thenEdit.record.values).toEqual(record.values)
          for (const [f, v] of Object.entries(edit.fields)) {
            if (v === record.values[f]) continue
            expect(thenEdit.conflicts).toContainEqual(
              expect.objectContaining({
                kind: 'editAfterDelete',
                field: f,
                other: expect.objectContaining({ value: v }),
              }),
            )
            expect(thenDelete.conflicts).toContainEqual(
              expect.objectContaining({
                kind: 'deleteAfterEdit',
                field: f,
                other: expect.objectContaining({ value: v }),
              }),
            )
          }
        },
      ),
    )
  })

  it('refuses an insert of an id that exists, and an update of a row the server never had', () => {
    fc.assert(
      fc.property(arbCase, ({ record, mutation }) => {
        const insert = mergeMutation(record, { ...mutation, op: 'insert' }, rules, 100)
        expect(insert).toMatchObject({ outcome: 'rejected', reason: 'DUPLICATE_ID' })
        expect(mergeMutation(null, mutation, rules, 100)).toMatchObject({
          outcome: 'rejected',
          reason: 'NOT_FOUND',
        })
      }),
    )
  })

  it('an edit confirmed again without a change (a lost merge) is not concurrent with a later edit based on it', () => {
    const record: ServerRecord = {
      values: { name: 'a', note: null, amount: 1 },
      meta: { '*': { seq: 1, hlc: hlcOf(T0, 0, 'pcA'), device: 'pcA', by: 'A' } },
      deletedAt: null,
    }
    const loser: IncomingMutation = {
      op: 'update',
      fields: { amount: 2 },
      baseVersions: { amount: 0 },
      hlc: hlcOf(T0 + 5, 0, 'pcB'),
      device: 'pcB',
      userName: 'B',
    }
    const first = mergeMutation(record, loser, rules, 2)
    if (first.outcome !== 'merged') throw new Error('expected a merge')
    expect(first.record.values.amount).toBe(1)
    expect(first.conflicts).toHaveLength(1)
    // pcC saw amount at version 1 (before the re-confirmation at 2): it saw the current value.
    const later: IncomingMutation = {
      ...loser,
      fields: { amount: 3 },
      baseVersions: { amount: 1 },
      device: 'pcC',
    }
    const second = mergeMutation(first.record, later, rules, 3)
    if (second.outcome !== 'merged') throw new Error('expected a merge')
    expect(second.conflicts).toEqual([])
    expect(second.record.values.amount).toBe(3)
  })
})

describe('restoring a deleted row', () => {
  const deletedBy = (device: string, seq: number): ServerRecord => ({
    values: { name: 'a', note: 'n', amount: 1 },
    meta: {
      '*': { seq: 1, hlc: hlcOf(T0, 0, 'pcA'), device: 'pcA', by: 'A' },
      deletedAt: { seq, hlc: hlcOf(T0 + 10, 0, device), device, by: device },
    },
    deletedAt: new Date(T0 + 10).toISOString(),
  })
  const restore = (device: string, base: number | null): IncomingMutation => ({
    op: 'restore',
    fields: {},
    baseVersions: { deletedAt: base },
    hlc: hlcOf(T0 + 20, 0, device),
    device,
    userName: device,
  })

  it('brings back a row whose deletion the restoring PC had seen, with every value it kept, as a whole-row put', () => {
    const result = mergeMutation(deletedBy('pcB', 5), restore('pcA', 5), rules, 9)
    expect(result).toMatchObject({
      outcome: 'merged',
      record: { values: { name: 'a', note: 'n', amount: 1 }, deletedAt: null },
      change: { op: 'put' },
      conflicts: [],
    })
    if (result.outcome !== 'merged') throw new Error('expected a merge')
    expect(result.record.meta.deletedAt).toMatchObject({ seq: 9, device: 'pcA' })
  })

  it("brings back a row its own PC deleted before, even with the deletion's version unknown to it", () => {
    expect(mergeMutation(deletedBy('pcA', 5), restore('pcA', null), rules, 9)).toMatchObject({
      outcome: 'merged',
      record: { deletedAt: null },
    })
  })

  it('leaves a row deleted again after the deletion the head decided on, and records the newer deletion as a conflict', () => {
    const result = mergeMutation(deletedBy('pcC', 7), restore('pcA', 5), rules, 9)
    expect(result).toMatchObject({
      outcome: 'merged',
      record: { deletedAt: new Date(T0 + 10).toISOString() },
      change: { op: 'delete' },
      conflicts: [{ kind: 'editAfterDelete', field: null }],
    })
  })

  it('changes nothing on a live row', () => {
    const live: ServerRecord = { ...deletedBy('pcB', 5), deletedAt: null }
    const result = mergeMutation(live, restore('pcA', 5), rules, 9)
    expect(result).toMatchObject({ outcome: 'merged', record: live, change: { op: 'patch', fields: [] } })
  })
})

describe('replays after a server restore', () => {
  // The record's edits are at seqs 2, 3, ...: a restore found at `restoredAt` keeps those at or before it.
  const arbReplay = arbCase.chain(({ record, mutation }) =>
    fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1_000 }))
      .map(([restoredAt, junkBase]) => ({
        record,
        // The bases name seqs of the log the restore threw away: any number at all.
        mutation: {
          ...mutation,
          baseVersions: Object.fromEntries(Object.keys(mutation.fields).map((f) => [f, junkBase])),
          replay: { after: restoredAt, seq: null },
        },
        restoredAt,
      })),
  )
  const changedAfter = (r: ServerRecord, f: string, restoredAt: number) => versionOf(r, f) > restoredAt
  /** Changed since the restore (never seen by the replay), or before it and after the replay's base. */
  const concurrentReplay = (r: ServerRecord, m: IncomingMutation, f: string, restoredAt: number) => {
    const base = m.baseVersions[f]
    const seen =
      !changedAfter(r, f, restoredAt) && base !== null && base !== undefined && base >= versionOf(r, f)
    return !seen && writerOf(r, f) !== m.device
  }

  it('an edit replayed on top of a replayed insert is no conflict, by its base or by naming the insert', () => {
    const restoredAt = 10
    const insert: IncomingMutation = {
      op: 'insert',
      fields: { name: 'x', note: 'n', amount: 1 },
      baseVersions: {},
      hlc: hlcOf(T0, 0, 'pcA'),
      device: 'pcA',
      userName: 'pcA',
      replay: { after: restoredAt, seq: 12, mutation: 'insert-of-A' },
    }
    const inserted = mergeMutation(null, insert, rules, 11)
    if (inserted.outcome !== 'merged') throw new Error('expected a merge')
    const editOnTop = (base: number | null, replay: IncomingMutation['replay']): IncomingMutation => ({
      op: 'update',
      fields: { name: 'y', amount: 2 },
      baseVersions: { name: base, amount: base },
      // Before the insert by the clock: only the lost log's order tells that it came after.
      hlc: hlcOf(T0 - 5_000, 0, 'pcB'),
      device: 'pcB',
      userName: 'pcB',
      replay,
    })
    for (const edit of [
      // Its PC knew where both stood in the lost log: its base is the insert's position there.
      editOnTop(12, { after: restoredAt, seq: 13, mutation: 'edit-of-B' }),
      // Its PC was put back to a backup and forgot the positions: it names the insert as received.
      editOnTop(null, { after: restoredAt, seq: null, mutation: 'edit-of-B', seen: ['insert-of-A'] }),
    ]) {
      expect(mergeMutation(inserted.record, edit, rules, 12)).toMatchObject({
        outcome: 'merged',
        record: { values: { name: 'y', note: 'n', amount: 2 } },
        conflicts: [],
      })
    }
    // An edit that had not seen it is concurrent, as before.
    const blind = editOnTop(null, { after: restoredAt, seq: null, mutation: 'edit-of-B' })
    const result = mergeMutation(inserted.record, blind, rules, 12)
    expect(result.outcome === 'merged' && result.conflicts.map((c) => c.field).sort()).toEqual([
      'amount',
      'name',
    ])
  })

  it('a base past the restore point means every value up to it was seen: any such base merges the same way', () => {
    fc.assert(
      fc.property(
        arbReplay,
        fc.integer({ min: 0, max: 1_000 }),
        ({ record, mutation, restoredAt }, extra) => {
          const withBase = (b: number) => ({
            ...mutation,
            baseVersions: Object.fromEntries(Object.keys(mutation.fields).map((f) => [f, restoredAt + b])),
          })
          // The same values, versions and conflicts (the replay's own place in the lost log aside).
          const outcome = (b: number) => {
            const result = mergeMutation(record, withBase(b), rules, 100)
            if (result.outcome !== 'merged') return result
            const { values, meta, deletedAt } = result.record
            return { ...result, record: { values, deletedAt, versions: fieldVersionsOf(meta) } }
          }
          expect(outcome(extra)).toEqual(outcome(0))
        },
      ),
    )
  })

  it('a field the replayed change had seen, untouched since the restore, takes the replayed value with no conflict record', () => {
    fc.assert(
      fc.property(arbReplay, ({ record, mutation, restoredAt }) => {
        const result = mergeMutation(record, mutation, rules, 100)
        if (result.outcome !== 'merged') throw new Error('expected a merge')
        for (const [f, pushed] of Object.entries(mutation.fields)) {
          if (concurrentReplay(record, mutation, f, restoredAt)) continue
          expect(result.record.values[f]).toBe(pushed)
          expect(result.conflicts.filter((c) => c.field === f)).toEqual([])
        }
      }),
    )
  })

  it('a field another PC changed after the restore is a concurrent edit: later HLC wins, the other value kept', () => {
    fc.assert(
      fc.property(arbReplay, ({ record, mutation, restoredAt }) => {
        const result = mergeMutation(record, mutation, rules, 100)
        if (result.outcome !== 'merged') throw new Error('expected a merge')
        for (const [f, pushed] of Object.entries(mutation.fields)) {
          const old = record.values[f] ?? null
          if (!concurrentReplay(record, mutation, f, restoredAt) || pushed === old) continue
          const meta = record.meta[f] ?? record.meta['*']
          const later = mutation.hlc > meta.hlc
          const [conflict] = result.conflicts.filter((c) => c.field === f)
          if (f === 'amount') {
            expect(conflict).toMatchObject({ kind: 'guardedField', other: { value: pushed } })
            expect(result.record.values[f]).toBe(old)
          } else {
            expect(conflict?.kind).toBe('concurrentEdit')
            expect(result.record.values[f]).toBe(later ? pushed : old)
            expect(conflict?.other.value).toBe(later ? old : pushed)
          }
        }
      }),
    )
  })

  it('a replayed delete keeps as conflicts the fields changed after its base or since the restore', () => {
    fc.assert(
      fc.property(arbReplay, fc.integer({ min: 0, max: 8 }), ({ record, mutation, restoredAt }, base) => {
        const deletion = { ...mutation, op: 'delete' as const, fields: {}, baseVersions: { deletedAt: base } }
        const result = mergeMutation(record, deletion, rules, 100)
        if (result.outcome !== 'merged') throw new Error('expected a merge')
        expect(result.record.deletedAt).not.toBeNull()
        const asEdit = { ...deletion, baseVersions: Object.fromEntries(FIELDS.map((f) => [f, base])) }
        const expected = FIELDS.filter(
          (f) => f in record.values && concurrentReplay(record, asEdit, f, restoredAt),
        ).sort()
        expect(result.conflicts.map((c) => c.field)).toEqual(expected)
      }),
    )
  })
})

describe('HLC clamping', () => {
  it('keeps an HLC inside [received - 180 days, received + 5 min] and moves one outside to the edge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: HLC_PAST_WINDOW_MS + 1, max: 4_000_000_000_000 }),
        (wall, received) => {
          const clamped = decodeHlc(clampHlc(hlcOf(wall, 7, 'pcA'), received)).wallMs
          expect(clamped).toBe(
            Math.min(received + HLC_FUTURE_WINDOW_MS, Math.max(received - HLC_PAST_WINDOW_MS, wall)),
          )
        },
      ),
    )
  })
})
