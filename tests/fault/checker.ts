import { versionOf } from '../../db/sync/fieldVersions'
import { conflictValueText } from '../../domain/sync/conflictRow'
import { fieldVersionsOf } from '../../domain/sync/merge'
import type { FieldValue } from '../../domain/sync/protocol'
import { type EditOrder, editOrder } from './editOrder'
import type { AckedMutation } from './pcProtocol'
import { checkSpuriousConflicts } from './spuriousConflicts'
import { type ChangeView, type PcView, rowKey, type ServerView } from './views'

// The invariants a run must keep once the network is healed and every PC has synced until quiet:
//   convergence  every PC's rows equal the server's rows of the scopes it reads (values, tombstones,
//                field versions);
//   no loss      every save a PC acknowledged is on the server (its value in the record's change, or
//                kept in a conflict record), or in that PC's needs-attention list;
//   conflicts    every edit concurrent with another PC's change to the same field, with a different
//                value, left a conflict record holding both values; and no conflict record pairs
//                two edits one of which was made on top of the other (editOrder.ts says which saw
//                which, across a server restore too);
//   numbers      no document number was issued twice, and no two number blocks overlap.

export interface AckedSave extends AckedMutation {
  pc: number
  deviceId: string
  /** The contract number a lease took from the PC's pool. */
  number?: string
}

export type ViolationKind =
  | 'divergence'
  | 'lost'
  | 'stuck'
  | 'missingConflict'
  | 'spuriousConflict'
  | 'duplicateNumber'

export interface Violation {
  kind: ViolationKind
  detail: string
}

export interface CheckInput {
  history: readonly AckedSave[]
  server: ServerView
  /** By PC index. */
  pcs: readonly PcView[]
  /** The scopes the PCs' user reads. */
  scopes: readonly string[]
  /**
   * Saves a restore from backup took back: made after the backup, then the PC's disk went back to
   * it. Those that never reached the server are gone by the restore, not by sync; their document
   * numbers are issued again, and the server must then report each duplicate as a conflict.
   */
  forgotten?: ReadonlySet<string>
  /**
   * The server as it was just before its backup was put back: the log that saves made before the
   * restore name in their base versions, and where each of them stood in it.
   */
  beforeRestore?: ServerView
}

export interface CheckResult {
  violations: Violation[]
  counts: {
    acked: number
    applied: number
    conflicted: number
    rejected: number
    conflicts: number
    numbers: number
    forgotten: number
  }
  rejectReasons: Record<string, number>
}

export function checkRun(input: CheckInput): CheckResult {
  const violations: Violation[] = []
  const add = (kind: ViolationKind, detail: string) => violations.push({ kind, detail })
  checkConvergence(input, add)
  const order = editOrder(input.server, input.beforeRestore)
  const counts = checkSaves(input, order, add)
  checkSpuriousConflicts(input, order, add)
  checkNumbers(input, add)
  const rejectReasons: Record<string, number> = {}
  for (const save of input.history) {
    const reason = input.server.mutations.get(save.mutationId)?.reason
    if (reason) rejectReasons[reason] = (rejectReasons[reason] ?? 0) + 1
  }
  return { violations, counts, rejectReasons }
}

export type Add = (kind: ViolationKind, detail: string) => void

const same = (server: FieldValue | undefined, local: unknown): boolean => {
  const a = server ?? null
  const b = local ?? null
  if (typeof a === 'boolean') return (a ? 1 : 0) === b
  return a === b
}

function checkConvergence({ server, pcs, scopes }: CheckInput, add: Add) {
  pcs.forEach((pc, index) => {
    for (const [key, record] of server.records) {
      if (!scopes.includes(record.scope)) continue
      const local = pc.rows.get(key)
      if (record.deletedAt !== null) {
        if (local && local.deletedAt === null)
          add('divergence', `PC ${index} still has ${key}, deleted on the server`)
        continue
      }
      if (!local || local.deletedAt !== null) {
        add('divergence', `PC ${index} lacks ${key} (${local ? 'deleted there' : 'absent'})`)
        continue
      }
      const versions = fieldVersionsOf(record.meta)
      for (const [field, value] of Object.entries(record.values)) {
        if (!same(value, local.values[field])) {
          add(
            'divergence',
            `PC ${index} ${key}.${field} = ${JSON.stringify(local.values[field])}, server ${JSON.stringify(value)}`,
          )
        }
        const serverVersion = versions[field] ?? versions['*']
        const localVersion = versionOf(local.fieldVersions, field)
        if (serverVersion !== localVersion) {
          add('divergence', `PC ${index} ${key}.${field} at version ${localVersion}, server ${serverVersion}`)
        }
      }
    }
    for (const [key, local] of pc.rows) {
      if (local.deletedAt !== null) continue
      const record = server.records.get(key)
      if (!record || record.deletedAt !== null)
        add('divergence', `PC ${index} has ${key}; the server has it ${record ? 'deleted' : 'not at all'}`)
    }
  })
}

/** The conflict records about a field, as `currentValue|otherValue` pairs of JSON text. */
function conflictIndex(server: ServerView): Map<string, { kind: string; current: string; other: string }[]> {
  const index = new Map<string, { kind: string; current: string; other: string }[]>()
  for (const record of server.records.values()) {
    if (record.entity !== 'syncConflict') continue
    const v = record.values
    const key = `${v.entity}/${v.rowId}/${v.field ?? ''}`
    const list = index.get(key) ?? []
    list.push({ kind: String(v.kind), current: String(v.currentValue), other: String(v.otherValue) })
    index.set(key, list)
  }
  return index
}

function checkSaves({ history, server, pcs, forgotten }: CheckInput, order: EditOrder, add: Add) {
  const conflicts = conflictIndex(server)
  const saveOf = new Map(history.map((s) => [s.mutationId, s]))
  const changesByRow = new Map<string, ChangeView[]>()
  const changeOf = new Map<string, ChangeView>()
  for (const change of server.changes) {
    const key = rowKey(change.entity, change.rowId)
    const list = changesByRow.get(key) ?? []
    list.push(change)
    changesByRow.set(key, list)
    if (change.originMutation) changeOf.set(change.originMutation, change)
  }
  const counts = {
    acked: history.length,
    applied: 0,
    conflicted: 0,
    rejected: 0,
    conflicts: 0,
    numbers: history.filter((s) => s.number).length,
    forgotten: 0,
  }
  for (const record of server.records.values()) if (record.entity === 'syncConflict') counts.conflicts += 1

  for (const save of history) {
    const pc = pcs[save.pc]!
    const what = `PC ${save.pc} ${save.op} ${save.entity}/${save.rowId} (mutation ${save.mutationId})`
    const logged = server.mutations.get(save.mutationId)
    if (!logged) {
      if (forgotten?.has(save.mutationId)) counts.forgotten += 1
      else if (pc.outbox.has(save.mutationId)) add('stuck', `${what} is still in the outbox after healing`)
      else if (!pc.rejected.has(save.mutationId))
        add('lost', `${what} is neither on the server nor kept on the PC`)
      continue
    }
    if (logged.status === 'rejected') {
      counts.rejected += 1
      // A PC put back to a backup from before the save no longer knows it: the refusal stays in the
      // server's mutation log, and nothing the PC holds was lost.
      if (forgotten?.has(save.mutationId) && !pc.outbox.has(save.mutationId)) counts.forgotten += 1
      else if (!pc.rejected.has(save.mutationId))
        add('lost', `${what} was refused (${logged.reason}) but is not in the PC's needs-attention list`)
      continue
    }
    if (logged.status === 'conflicted') counts.conflicted += 1
    else counts.applied += 1
    const change = changeOf.get(save.mutationId)
    if (!change) {
      add('lost', `${what} is ${logged.status} but left no change-log entry`)
      continue
    }
    const rowChanges = changesByRow.get(rowKey(save.entity, save.rowId)) ?? []
    const before = rowChanges.filter((c) => c.seq < change.seq)
    if (save.op === 'delete') {
      checkDeleteConflicts(save, before, { conflicts, order, saveOf }, add, what)
      continue
    }
    for (const [field, raw] of Object.entries(save.fields)) {
      const value = (raw ?? null) as FieldValue
      const text = conflictValueText(value)
      const kept = (conflicts.get(`${save.entity}/${save.rowId}/${field}`) ?? []).filter(
        (c) => c.current === text || c.other === text,
      )
      const history = fieldHistory(before, field)
      const holder = history.lastRealMutation ? saveOf.get(history.lastRealMutation) : undefined
      // Replayed after a server restore, and the value it met was made on top of it: it came
      // before that value in the lost log, so it is not lost but superseded.
      const superseded = save.op === 'update' && holder !== undefined && order.saw(holder, save, field)
      if (!same(change.values[field], value) && kept.length === 0 && !superseded) {
        add('lost', `${what}: ${field} = ${text} is neither in its change nor in a conflict record`)
      }
      if (save.op !== 'update') continue
      const concurrent =
        history.deleted ||
        (holder
          ? holder.deviceId !== save.deviceId && !order.saw(save, holder, field) && !superseded
          : history.lastRealSeq > (save.baseVersions[field] ?? 0) && history.lastRealWriter !== save.deviceId)
      if (!concurrent || history.value === undefined || same(history.value, value)) continue
      const prev = conflictValueText(history.value)
      const pair = kept.some(
        (c) => (c.current === text && c.other === prev) || (c.current === prev && c.other === text),
      )
      if (!pair && !(history.deleted && kept.length > 0)) {
        add(
          'missingConflict',
          `${what}: ${field} ${text} was concurrent with ${prev} (by ${history.lastRealWriter ?? 'the server'} at seq ${history.lastRealSeq}, base ${save.baseVersions[field]}) and no conflict records both`,
        )
      }
    }
  }
  return counts
}

interface FieldHistory {
  /** The field's value just before the save was applied (undefined: the row never had it). */
  value: FieldValue | undefined
  /** The sequence number, device and mutation of the field's last real change (a different value). */
  lastRealSeq: number
  lastRealWriter: string | null
  lastRealMutation: string | null
  deleted: boolean
}

/** Replays a row's change-log entries for one field. A value confirmed again unchanged is no change. */
function fieldHistory(changes: readonly ChangeView[], field: string): FieldHistory {
  const h: FieldHistory = {
    value: undefined,
    lastRealSeq: 0,
    lastRealWriter: null,
    lastRealMutation: null,
    deleted: false,
  }
  for (const c of changes) {
    if (c.op === 'delete') h.deleted = true
    if (c.op === 'put') h.deleted = false
    if (!(field in c.values)) continue
    const value = c.values[field] ?? null
    if (h.value === undefined || !same(h.value, value)) {
      h.lastRealSeq = c.seq
      h.lastRealWriter = c.originDevice
      h.lastRealMutation = c.originMutation
    }
    h.value = value
  }
  return h
}

function checkDeleteConflicts(
  save: AckedSave,
  before: readonly ChangeView[],
  known: {
    conflicts: ReturnType<typeof conflictIndex>
    order: EditOrder
    saveOf: ReadonlyMap<string, AckedSave>
  },
  add: Add,
  what: string,
) {
  const { conflicts, order, saveOf } = known
  if (before.some((c) => c.op === 'delete')) return
  const base = save.baseVersions.deletedAt ?? 0
  const fields = new Set(before.flatMap((c) => Object.keys(c.values)))
  for (const field of fields) {
    const h = fieldHistory(before, field)
    if (h.lastRealWriter === save.deviceId) continue
    const holder = h.lastRealMutation ? saveOf.get(h.lastRealMutation) : undefined
    if (holder ? order.saw(save, holder, field) : h.lastRealSeq <= base) continue
    const recorded = (conflicts.get(`${save.entity}/${save.rowId}/${field}`) ?? []).some(
      (c) => c.kind === 'deleteAfterEdit',
    )
    if (!recorded) {
      add(
        'missingConflict',
        `${what}: deleted over ${field}, changed at seq ${h.lastRealSeq} by ${h.lastRealWriter ?? 'the server'} after its base ${base}, with no deleteAfterEdit conflict`,
      )
    }
  }
}

function checkNumbers({ history, server, forgotten }: CheckInput, add: Add) {
  // A number issued again after a restore from backup is expected; any other repeat is a bug.
  const reissued = new Set<string>()
  const issuedBy = new Map<string, AckedSave>()
  for (const save of history) {
    if (!save.number) continue
    const earlier = issuedBy.get(save.number)
    if (!earlier) {
      issuedBy.set(save.number, save)
    } else if (earlier.pc === save.pc && forgotten?.has(earlier.mutationId)) {
      reissued.add(save.number)
    } else {
      add('duplicateNumber', `${save.number} issued by PC ${earlier.pc} and again by PC ${save.pc}`)
    }
  }
  const reported = new Set<string>()
  for (const record of server.records.values()) {
    if (record.entity !== 'syncConflict' || record.values.kind !== 'duplicateNumber') continue
    const number = JSON.parse(String(record.values.otherValue)) as string
    reported.add(number)
    if (!reissued.has(number))
      add('duplicateNumber', `the server recorded a duplicate of ${number}, issued once`)
  }
  const live = new Map<string, string>()
  for (const record of server.records.values()) {
    if (record.entity !== 'propertyLease' || record.deletedAt !== null) continue
    const number = String(record.values.contractNumber)
    const holder = live.get(number)
    if (!holder) live.set(number, record.id)
    else if (!reported.has(number))
      add('duplicateNumber', `${number} is on leases ${holder} and ${record.id}, with no conflict`)
  }
  const seriesOf = (l: ServerView['leases'][number]) => `${l.series}/${l.department}/${l.year}`
  const blocks = [...server.leases].sort((a, b) => seriesOf(a).localeCompare(seriesOf(b)) || a.from - b.from)
  for (let i = 1; i < blocks.length; i++) {
    const a = blocks[i - 1]!
    const b = blocks[i]!
    if (seriesOf(a) === seriesOf(b) && b.from <= a.to) {
      add('duplicateNumber', `number blocks ${a.from}-${a.to} and ${b.from}-${b.to} of ${a.series} overlap`)
    }
  }
}
