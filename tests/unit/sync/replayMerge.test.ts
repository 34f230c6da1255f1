import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ConflictDraft,
  type IncomingMutation,
  mergeMutation,
  type ServerRecord,
} from '../../../domain/sync/merge'
import { SEEN_LIMIT, saw } from '../../../domain/sync/replayedEdits'
import { encodeHlc } from '../../../domain/time/hlc'

// Edits of one field acknowledged after the server's backup, replayed by their PCs after the restore
// in any order (each PC's own in its order). Their places in the lost log decide: an edit made on top
// of another is no conflict, concurrent ones are, and the field ends where the lost log ended.

const AFTER = 10
const T0 = 1_780_000_000_000
const DEVICES = ['pcA', 'pcB', 'pcC'] as const

interface LostEdit {
  /** Position in the lost log. */
  seq: number
  base: number
  device: string
  value: string
  hlc: string
}

/** A lost log of edits at AFTER+1, AFTER+2, ...; each based on the backup's value or on an earlier edit. */
const arbLostLog = (chain: boolean) =>
  fc
    .array(fc.record({ device: fc.constantFrom(...DEVICES), seen: fc.nat() }), { minLength: 1, maxLength: 6 })
    .map((drafts) => {
      const lastBase = new Map<string, number>()
      return drafts.map(({ device, seen }, i): LostEdit => {
        const seq = AFTER + 1 + i
        // Seen: the backup's value (AFTER) or the edit at AFTER + k; a PC never sees less than before.
        const k = chain ? i : seen % (i + 1)
        const base = Math.max(AFTER + k, lastBase.get(device) ?? 0)
        lastBase.set(device, base)
        // HLCs follow the log (a PC's clock moves past what it pulls).
        const hlc = encodeHlc({ wallMs: T0 + seq, counter: 0, deviceId: device })
        return { seq, base, device, value: `v${seq}`, hlc }
      })
    })

/** The log and an arrival order: any interleaving of the PCs, each PC's edits in its own order. */
const arbReplays = (chain: boolean) =>
  arbLostLog(chain).chain((log) =>
    fc.array(fc.integer(), { minLength: log.length, maxLength: log.length }).map((keys) => {
      const slot = new Map<LostEdit, number>()
      for (const device of DEVICES) {
        const mine = log.filter((e) => e.device === device)
        const myKeys = mine.map((e) => keys[log.indexOf(e)]!).sort((a, b) => a - b)
        for (const [i, e] of mine.entries()) slot.set(e, myKeys[i]!)
      }
      const order = [...log].sort((a, b) => slot.get(a)! - slot.get(b)! || a.seq - b.seq)
      return { log, order }
    }),
  )

/** A record whose `note` the backup had at version 5; the restore was found at AFTER. */
const backedUp = (): ServerRecord => ({
  values: { note: 'before' },
  meta: {
    '*': { seq: 1, hlc: encodeHlc({ wallMs: T0, counter: 0, deviceId: 'pcZ' }), device: 'pcZ', by: 'pcZ' },
    note: {
      seq: 5,
      hlc: encodeHlc({ wallMs: T0 + 5, counter: 0, deviceId: 'pcZ' }),
      device: 'pcZ',
      by: 'pcZ',
    },
  },
  deletedAt: null,
})

/** An edit of the lost log at `seq` by `device`, based on `base`, its HLC following the log. */
const lostEdit = (seq: number, device: string, base = AFTER): LostEdit => ({
  seq,
  base,
  device,
  value: `v${seq}`,
  hlc: encodeHlc({ wallMs: T0 + seq, counter: 0, deviceId: device }),
})

/** Merges one edit of the note into `record` at `seq`, as a replay when `replay` is given. */
function mergeEdit(
  record: ServerRecord,
  edit: LostEdit,
  seq: number,
  replay?: IncomingMutation['replay'],
): { record: ServerRecord; conflicts: ConflictDraft[] } {
  const result = mergeMutation(
    record,
    {
      op: 'update',
      fields: { note: edit.value },
      baseVersions: { note: edit.base },
      hlc: edit.hlc,
      device: edit.device,
      userName: edit.device,
      ...(replay ? { replay } : {}),
    },
    { guarded: [] },
    seq,
  )
  if (result.outcome !== 'merged') throw new Error('expected a merge')
  return result
}

/**
 * Merges the replays in arrival order; what the field held after each, and every conflict. The PCs of
 * the edits in `forgot` lost their positions (put back to their own backups). Each replay names the
 * edits of the row its PC's history had before it: those at or below its base, and its PC's own
 * earlier ones (in its history from the moment they were saved, whatever its base).
 */
function replayAll(
  order: readonly LostEdit[],
  forgot: ReadonlySet<LostEdit> = new Set(),
  { names = true }: { names?: boolean } = {},
) {
  let record = backedUp()
  const conflicts: ConflictDraft[] = []
  const heldAfter = new Map<LostEdit, unknown>()
  const holderAtArrival = new Map<LostEdit, unknown>()
  order.forEach((edit, k) => {
    holderAtArrival.set(edit, record.values.note)
    const seen = order
      .filter((e) => e.seq <= edit.base || (e.device === edit.device && e.seq < edit.seq))
      .sort((x, y) => y.seq - x.seq)
      .slice(0, SEEN_LIMIT)
      .map((e) => e.value)
    const result = mergeEdit(record, edit, 100 + k, {
      after: AFTER,
      seq: forgot.has(edit) ? null : edit.seq,
      ...(names ? { mutation: edit.value, seen } : {}),
    })
    record = result.record
    conflicts.push(...result.conflicts)
    heldAfter.set(edit, record.values.note)
  })
  return { record, conflicts, heldAfter, holderAtArrival }
}

const concurrent = (a: LostEdit, b: LostEdit) => a.device !== b.device && !saw(a, b) && !saw(b, a)
const pairOf = (c: ConflictDraft) => [c.current.value, c.other.value].sort().join('|')

/** The conflicts the lost log itself recorded: its edits merged in their order, as first pushed. */
function lostLogConflicts(log: readonly LostEdit[]): Set<string> {
  let record = backedUp()
  const pairs = new Set<string>()
  for (const edit of log) {
    const result = mergeEdit(record, edit, edit.seq)
    record = result.record
    for (const c of result.conflicts) pairs.add(pairOf(c))
  }
  return pairs
}

/** Each edit that met a concurrent value on arrival has a conflict holding both. */
function expectConflictsWhereConcurrentMet(log: readonly LostEdit[], replayed: ReturnType<typeof replayAll>) {
  const pairs = new Set(replayed.conflicts.map(pairOf))
  for (const [edit, held] of replayed.holderAtArrival) {
    const holder = log.find((e) => e.value === held)
    if (holder && concurrent(edit, holder))
      expect(pairs).toContain([edit.value, holder.value].sort().join('|'))
  }
}

/** Each edit made it into the field, or into a conflict, or a later edit had seen it. */
function expectNoEditLost(log: readonly LostEdit[], replayed: ReturnType<typeof replayAll>) {
  const inConflicts = new Set(replayed.conflicts.flatMap((c) => [c.current.value, c.other.value]))
  for (const edit of log) {
    const kept =
      replayed.heldAfter.get(edit) === edit.value ||
      inConflicts.has(edit.value) ||
      log.some((other) => other !== edit && saw(other, edit))
    expect(kept).toBe(true)
  }
}

describe('replayed edits of one field after a server restore', () => {
  it('never record a conflict between an edit and one made on top of it', () => {
    fc.assert(
      fc.property(arbReplays(false), ({ log, order }) => {
        const byValue = new Map(log.map((e) => [e.value, e]))
        for (const c of replayAll(order).conflicts) {
          const a = byValue.get(String(c.current.value))
          const b = byValue.get(String(c.other.value))
          if (!a || !b) throw new Error(`a conflict with a value no edit had: ${JSON.stringify(c)}`)
          expect(concurrent(a, b)).toBe(true)
        }
      }),
    )
  })

  it('record a conflict holding both values when an edit meets a concurrent one', () => {
    fc.assert(
      fc.property(arbReplays(false), ({ log, order }) => {
        expectConflictsWhereConcurrentMet(log, replayAll(order))
      }),
    )
  })

  it('lose no edit: each one made it into the field, or into a conflict, or a later edit had seen it', () => {
    fc.assert(
      fc.property(arbReplays(false), ({ log, order }) => {
        expectNoEditLost(log, replayAll(order))
      }),
    )
  })

  it('end on the lost log’s last value whatever order they come back in', () => {
    fc.assert(
      fc.property(arbReplays(false), ({ log, order }) => {
        expect(replayAll(order).record.values.note).toBe(log.at(-1)!.value)
      }),
    )
  })

  it('pair an edit with the last of a PC’s successive edits before it in the lost log, not with each of them', () => {
    const log = [lostEdit(11, 'pcA'), lostEdit(12, 'pcA'), lostEdit(13, 'pcA'), lostEdit(14, 'pcB')]
    const { conflicts, record } = replayAll(log)
    expect(conflicts.map((c) => [c.current.value, c.other.value])).toEqual([['v14', 'v13']])
    expect(record.values.note).toBe('v14')
  })

  it('made one on top of another all along: no conflict at all, in any order', () => {
    fc.assert(
      fc.property(arbReplays(true), ({ log, order }) => {
        const { record, conflicts } = replayAll(order)
        expect(conflicts).toEqual([])
        expect(record.values.note).toBe(log.at(-1)!.value)
      }),
    )
  })
})

/** A lost log, an arrival order, and the edits whose PCs forgot their positions. */
const arbForgetting = arbReplays(false).chain(({ log, order }) =>
  fc
    .array(fc.boolean(), { minLength: log.length, maxLength: log.length })
    .map((flags) => ({ log, order, forgot: new Set(log.filter((_, i) => flags[i])) })),
)

describe('replayed edits whose PCs forgot where they stood in the lost log', () => {
  it('never record a conflict between an edit and one made on top of it: the later one names it', () => {
    fc.assert(
      fc.property(arbForgetting, ({ log, order, forgot }) => {
        const byValue = new Map(log.map((e) => [e.value, e]))
        for (const c of replayAll(order, forgot).conflicts) {
          const a = byValue.get(String(c.current.value))!
          const b = byValue.get(String(c.other.value))!
          expect(concurrent(a, b)).toBe(true)
        }
      }),
    )
  })

  it('still record a conflict when an edit meets a concurrent one, and lose no edit', () => {
    fc.assert(
      fc.property(arbForgetting, ({ log, order, forgot }) => {
        const replayed = replayAll(order, forgot)
        expectConflictsWhereConcurrentMet(log, replayed)
        expectNoEditLost(log, replayed)
      }),
    )
  })

  it('record again every conflict the lost log had, whatever order they come back in', () => {
    fc.assert(
      fc.property(arbForgetting, ({ log, order, forgot }) => {
        const replayed = new Set(replayAll(order, forgot).conflicts.map(pairOf))
        for (const pair of lostLogConflicts(log)) expect(replayed).toContain(pair)
      }),
    )
  })

  it('keep the conflict of an edit with a PC’s earlier edit that the same PC edited again without pulling', () => {
    // pcA at 11, pcB at 12, pcA again at 13 on top of its own edit only: the log paired 12 with 11
    // and 13 with 12. pcA's history holds 11 before 13, but that says nothing of what 13 saw.
    const [e, x, o] = [lostEdit(11, 'pcA'), lostEdit(12, 'pcB'), lostEdit(13, 'pcA')]
    expect([...lostLogConflicts([e, x, o])].sort()).toEqual(['v11|v12', 'v12|v13'])
    for (const forgot of [new Set<LostEdit>(), new Set([e])]) {
      const pairs = replayAll([e, o, x], forgot).conflicts.map(pairOf).sort()
      expect(pairs).toEqual(['v11|v12', 'v12|v13'])
    }
  })

  it('end on the lost log’s last value whatever order they come back in', () => {
    fc.assert(
      fc.property(arbForgetting, ({ log, order, forgot }) => {
        expect(replayAll(order, forgot).record.values.note).toBe(log.at(-1)!.value)
      }),
    )
  })

  it('an edit on top of one whose position was forgotten: no conflict with the names, a conflict without', () => {
    // pcA's edit at 11 (position forgotten), pcB's at 12 made on top of it, pcA's replay first.
    const a = lostEdit(11, 'pcA')
    const b = lostEdit(12, 'pcB', 11)
    expect(replayAll([a, b], new Set([a])).conflicts).toEqual([])
    const { conflicts } = replayAll([a, b], new Set([a]), { names: false })
    expect(conflicts.map((c) => [c.current.value, c.other.value])).toEqual([['v12', 'v11']])
  })
})
