import { describe, expect, it } from 'vitest'
import { type AckedSave, checkRun } from '../../fault/checker'
import type { ChangeView, PcRowView, PcView, ServerRecordView, ServerView } from '../../fault/views'

// The fault harness's checker must catch what it is there to catch: each case breaks one invariant
// in otherwise consistent stores, and the clean case shows the same stores pass.

const A = '0190a3c0-0000-7000-8000-00000000000a'
const B = '0190a3c0-0000-7000-8000-00000000000b'
const row = '0190a3c0-0000-7000-8000-000000000001'
const key = `propertyObject/${row}`
const meta = (seq: number, device: string | null) => ({
  seq,
  hlc: '000000000000001-000000-x',
  device,
  by: null,
})

function change(
  seq: number,
  op: string,
  values: Record<string, string>,
  device: string | null,
  mutation: string | null,
): ChangeView {
  return {
    seq,
    entity: 'propertyObject',
    rowId: row,
    op,
    values,
    originDevice: device,
    originMutation: mutation,
  }
}

/** Seed row (seq 1); PC 0 (device A) sets name b at 2; PC 1 (device B), based on 1, sets c at 3 and wins. */
function world() {
  const server: ServerView = {
    records: new Map<string, ServerRecordView>([
      [
        key,
        {
          entity: 'propertyObject',
          id: row,
          scope: 'property',
          values: { name: 'c', notes: '' },
          meta: { '*': meta(1, null), name: meta(3, B) },
          deletedAt: null,
        },
      ],
      [
        'syncConflict/c1',
        {
          entity: 'syncConflict',
          id: 'c1',
          scope: 'property',
          values: {
            entity: 'propertyObject',
            rowId: row,
            field: 'name',
            kind: 'concurrentEdit',
            currentValue: '"c"',
            currentDeviceId: B,
            otherValue: '"b"',
            otherDeviceId: A,
          },
          meta: { '*': meta(4, null) },
          deletedAt: null,
        },
      ],
    ]),
    changes: [
      change(1, 'put', { name: 'a', notes: '' }, null, null),
      change(2, 'patch', { name: 'b' }, A, 'm-a'),
      change(3, 'patch', { name: 'c' }, B, 'm-b'),
    ],
    mutations: new Map([
      ['m-a', { mutationId: 'm-a', deviceId: A, status: 'applied', seqFrom: 2, reason: null }],
      ['m-b', { mutationId: 'm-b', deviceId: B, status: 'conflicted', seqFrom: 3, reason: null }],
    ]),
    leases: [],
    generation: 'g1',
    restoredAtSeq: null,
  }
  const pcRows = () =>
    new Map<string, PcRowView>([
      [
        key,
        { values: { id: row, name: 'c', notes: '' }, deletedAt: null, fieldVersions: { '*': 1, name: 3 } },
      ],
      [
        'syncConflict/c1',
        {
          values: {
            id: 'c1',
            entity: 'propertyObject',
            rowId: row,
            field: 'name',
            kind: 'concurrentEdit',
            currentValue: '"c"',
            currentDeviceId: B,
            otherValue: '"b"',
            otherDeviceId: A,
          },
          deletedAt: null,
          fieldVersions: { '*': 4 },
        },
      ],
    ])
  const pcs: PcView[] = [
    { rows: pcRows(), rejected: new Set(), outbox: new Set() },
    { rows: pcRows(), rejected: new Set(), outbox: new Set() },
  ]
  const save = (pc: number, mutationId: string, name: string, device: string): AckedSave => ({
    pc,
    deviceId: device,
    mutationId,
    seq: 1,
    entity: 'propertyObject',
    rowId: row,
    op: 'update',
    fields: { name },
    baseVersions: { name: 1 },
    generation: 'g1',
  })
  const history: AckedSave[] = [save(0, 'm-a', 'b', A), save(1, 'm-b', 'c', B)]
  return { server, pcs, history, scopes: ['property', 'reference'] }
}

const kinds = (input: ReturnType<typeof world> & { beforeRestore?: ServerView }) =>
  checkRun(input).violations.map((v) => v.kind)

/**
 * The same edits, both acknowledged after a server backup (lost log: b at 12, c at 13 based on it)
 * and replayed after the restore found at 10: c first (at 11), then b, which c had seen (at 12, the
 * value staying c). No conflict record.
 */
function restoredWorld() {
  const w = world()
  const beforeRestore: ServerView = {
    ...w.server,
    records: new Map(),
    changes: [
      change(1, 'put', { name: 'a', notes: '' }, null, null),
      change(12, 'patch', { name: 'b' }, A, 'm-a'),
      change(13, 'patch', { name: 'c' }, B, 'm-b'),
    ],
    generation: 'g0',
  }
  w.server.generation = 'g1'
  w.server.restoredAtSeq = 10
  w.server.changes = [
    change(1, 'put', { name: 'a', notes: '' }, null, null),
    change(11, 'patch', { name: 'c' }, B, 'm-b'),
    change(12, 'patch', { name: 'c' }, A, 'm-a'),
  ]
  w.server.records.get(key)!.meta.name = meta(12, B)
  w.server.records.delete('syncConflict/c1')
  for (const pc of w.pcs) {
    pc.rows.delete('syncConflict/c1')
    pc.rows.get(key)!.fieldVersions = { '*': 1, name: 12 }
  }
  w.history[0]!.generation = 'g0'
  w.history[1]!.generation = 'g0'
  w.history[1]!.baseVersions = { name: 12 }
  return { ...w, beforeRestore }
}

describe('the fault checker', () => {
  it('passes consistent stores', () => {
    const w = world()
    expect(checkRun(w).violations).toEqual([])
    expect(checkRun(w).counts).toMatchObject({ acked: 2, applied: 1, conflicted: 1, conflicts: 1 })
  })

  it('finds a PC whose row differs from the server, or lacks it', () => {
    const w = world()
    w.pcs[1]!.rows.get(key)!.values.name = 'b'
    w.pcs[0]!.rows.delete(key)
    expect(kinds(w)).toEqual(['divergence', 'divergence'])
  })

  it('finds a PC whose field version differs from the server', () => {
    const w = world()
    w.pcs[0]!.rows.get(key)!.fieldVersions = { '*': 1 }
    expect(kinds(w)).toEqual(['divergence'])
  })

  it('finds a save that vanished, one stuck in an outbox, and a refusal not kept', () => {
    const w = world()
    w.server.mutations.delete('m-a')
    w.history.push({ ...w.history[0]!, mutationId: 'm-x' })
    w.pcs[0]!.outbox.add('m-x')
    w.history.push({ ...w.history[0]!, mutationId: 'm-r' })
    w.server.mutations.set('m-r', {
      mutationId: 'm-r',
      deviceId: A,
      status: 'rejected',
      seqFrom: null,
      reason: 'VALIDATION',
    })
    expect(kinds(w).sort()).toEqual(['lost', 'lost', 'stuck'])
  })

  it('does not ask a PC put back to a backup from before a refused save to keep its refusal', () => {
    const w = world()
    w.history.push({ ...w.history[0]!, mutationId: 'm-r' })
    w.server.mutations.set('m-r', {
      mutationId: 'm-r',
      deviceId: A,
      status: 'rejected',
      seqFrom: null,
      reason: 'HAS_CHILDREN',
    })
    expect(kinds(w)).toEqual(['lost'])
    const result = checkRun({ ...w, forgotten: new Set(['m-r']) })
    expect(result.violations).toEqual([])
    expect(result.counts).toMatchObject({ rejected: 1, forgotten: 1 })
  })

  it('finds a concurrent edit that left no conflict record', () => {
    const w = world()
    w.server.records.delete('syncConflict/c1')
    for (const pc of w.pcs) pc.rows.delete('syncConflict/c1')
    // m-b (based on 1) overwrote b, written at 2 by another PC, and nothing records both.
    expect(kinds(w)).toEqual(['missingConflict'])
  })

  it('finds a losing value that is neither in its change nor in a conflict', () => {
    const w = world()
    // m-b lost the merge: its change carries the winner's value, and its own value c must be kept.
    w.server.changes[2]!.values.name = 'b'
    w.server.records.get(key)!.values.name = 'b'
    for (const pc of w.pcs) pc.rows.get(key)!.values.name = 'b'
    w.server.records.delete('syncConflict/c1')
    for (const pc of w.pcs) pc.rows.delete('syncConflict/c1')
    // ... and, being concurrent with b, its conflict is missing as well.
    expect(kinds(w).sort()).toEqual(['lost', 'missingConflict'])
  })

  it('does not ask for a conflict when the clerk had seen the other value', () => {
    const w = world()
    w.history[1]!.baseVersions = { name: 2 }
    w.server.records.delete('syncConflict/c1')
    for (const pc of w.pcs) pc.rows.delete('syncConflict/c1')
    // b was seen and replaced on purpose: no conflict is owed (b stays in its own change entry).
    expect(kinds(w)).toEqual([])
  })

  it('finds a conflict record between an edit and one made on top of it', () => {
    const w = world()
    // m-b was based on b (seq 2): the record pairing c with b should not exist.
    w.history[1]!.baseVersions = { name: 2 }
    expect(kinds(w)).toEqual(['spuriousConflict'])
  })

  it('across a server restore, orders replays by the log the restore lost: a superseded replay is neither lost nor owed a conflict', () => {
    const w = restoredWorld()
    expect(kinds(w)).toEqual([])
  })

  it('across a server restore, finds a record pairing two replays one made on top of the other', () => {
    const w = restoredWorld()
    const conflict = world().server.records.get('syncConflict/c1')!
    w.server.records.set('syncConflict/c1', conflict)
    for (const pc of w.pcs) pc.rows.set('syncConflict/c1', world().pcs[0]!.rows.get('syncConflict/c1')!)
    expect(kinds(w)).toEqual(['spuriousConflict'])
  })

  it('across a server restore, still owes a conflict between two replays neither of which saw the other', () => {
    const w = restoredWorld()
    w.history[1]!.baseVersions = { name: 1 }
    expect(kinds(w).sort()).toEqual(['lost', 'missingConflict'])
  })

  it('finds a document number issued twice and overlapping number blocks', () => {
    const w = world()
    w.history[0]!.number = 'contract-2026-7'
    w.history[1]!.number = 'contract-2026-7'
    w.server.leases = [
      { series: 'contract', department: 'property', year: 2026, from: 1, to: 50, deviceId: A },
      { series: 'contract', department: 'property', year: 2026, from: 40, to: 90, deviceId: B },
    ]
    expect(kinds(w)).toEqual(['duplicateNumber', 'duplicateNumber'])
  })
})
