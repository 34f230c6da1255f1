import type { RecordOp } from '../history'
import { compareHlc, decodeHlc, encodeHlc } from '../time/hlc'
import type { ConflictKind } from './contract'
import type { RowValues } from './entities'
import type { FieldValue } from './protocol'
import { concurrentFrontier, type LostPosition, type ReplayedEdit, saw } from './replayedEdits'

// The field-level merge of one pushed mutation against the server's current row (research/sync.md
// 6.6). Pure: the server hands in the row, the mutation and the sequence number the result gets.
//
// Every field the server keeps carries who last wrote it (device, user, HLC) and at which sequence
// number. `seq` is the version PCs see; `changed` is set when the field was confirmed again at `seq`
// without its value changing (a push that lost a merge, or repeated the same value): a clerk whose
// base is at or after `changed` had seen the current value, so their edit is not concurrent.

export interface FieldMeta {
  seq: number
  /** The writer's HLC, clamped on arrival (see clampHlc). */
  hlc: string
  /** The writer's device; null for what the server made itself (seed data). */
  device: string | null
  /** The writer's display name, shown on conflicts. */
  by: string | null
  /** The sequence number of the value's last real change, when older than `seq`. */
  changed?: number
  /** Written by a replay (see IncomingMutation.replay): where that change stood in the lost log. */
  replay?: LostPosition
  /** The field's replayed edits since the restore, the current value's among them. */
  replays?: ReplayedEdit[]
}

/** Field -> meta; `*` holds the row's creation, for fields unchanged since; `deletedAt` the delete. */
export type FieldMetaMap = { '*': FieldMeta } & Record<string, FieldMeta>

export interface ServerRecord {
  values: RowValues
  meta: FieldMetaMap
  deletedAt: string | null
}

export interface IncomingMutation {
  op: RecordOp
  fields: RowValues
  /** Field (or `deletedAt` for a delete) -> the version the clerk's value was based on. */
  baseVersions: Record<string, number | null>
  /** Already clamped to the server's window (clampHlc). */
  hlc: string
  /** The device that pushed it (authenticated, not taken from the HLC). */
  device: string
  userName: string
  /**
   * Set for a change the server had acknowledged before it was restored from a backup, sent again
   * (a replay). `after`: the server's change-log position when the restore was found; up to it, the
   * log the restore threw away and the new one are the same. `seq`: the position the change had in
   * the lost log (null: unknown). Its base versions name that log: against a value written before
   * `after` they count as for any change; against one written since, only a replayed value can have
   * been seen, and the two changes' places in the lost log tell (see replayedEdits.ts).
   */
  replay?: {
    after: number
    seq: number | null
    /** Its mutation id, and the mutations of its row its PC had received before it (see LostPosition). */
    mutation?: string
    seen?: readonly string[]
  }
}

export interface ConflictSide {
  value: FieldValue
  userName: string
  deviceId: string | null
  at: string
}

export interface ConflictDraft {
  kind: ConflictKind
  field: string | null
  /** What the record has now. */
  current: ConflictSide
  /** What did not make it into the record. */
  other: ConflictSide
}

export type MergeResult =
  | { outcome: 'rejected'; reason: 'DUPLICATE_ID' | 'NOT_FOUND'; message: string }
  | {
      outcome: 'merged'
      record: ServerRecord
      /** The change-log entry: its op and the fields it carries (the server's value of each). */
      change: { op: 'put' | 'patch' | 'delete'; fields: string[] }
      conflicts: ConflictDraft[]
    }

export interface MergeRules {
  guarded: ReadonlySet<string> | readonly string[]
}

const DAY_MS = 86_400_000
/** The longest a PC may work offline and still have its clock believed, and the most it may run ahead. */
export const HLC_PAST_WINDOW_MS = 180 * DAY_MS
export const HLC_FUTURE_WINDOW_MS = 5 * 60_000

/**
 * A PC's HLC pulled into `[receivedAt - 180 days, receivedAt + 5 min]`. It only breaks ties between
 * concurrent edits, so a wrong clock changes who wins a tie, never whether a change is accepted.
 */
export function clampHlc(hlc: string, receivedAtMs: number): string {
  const decoded = decodeHlc(hlc)
  const low = Math.max(0, receivedAtMs - HLC_PAST_WINDOW_MS)
  const high = receivedAtMs + HLC_FUTURE_WINDOW_MS
  if (decoded.wallMs >= low && decoded.wallMs <= high) return hlc
  return encodeHlc({ ...decoded, wallMs: Math.min(high, Math.max(low, decoded.wallMs)) })
}

const metaOf = (record: ServerRecord, field: string): FieldMeta => record.meta[field] ?? record.meta['*']
const changedAt = (meta: FieldMeta): number => meta.changed ?? meta.seq
/** When an HLC says its edit was made (server-corrected PC time). */
export const hlcTime = (hlc: string): string => new Date(decodeHlc(hlc).wallMs).toISOString()
const atOf = hlcTime

/** A conflict side for a value the server holds, by the field's last writer. */
export const sideOfWriter = (value: FieldValue, meta: FieldMeta): ConflictSide => ({
  value,
  userName: meta.by ?? '',
  deviceId: meta.device,
  at: atOf(meta.hlc),
})
const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean => (a ?? null) === (b ?? null)

/** The same value confirmed again at `seq`, by its original writer. */
const restamp = (meta: FieldMeta, seq: number): FieldMeta => ({ ...meta, seq, changed: changedAt(meta) })

/** Did `mutation` win against the field's last writer? Later HLC, then device id. */
function mutationIsLater(mutation: IncomingMutation, meta: FieldMeta): boolean {
  const byClock = compareHlc(decodeHlc(mutation.hlc), decodeHlc(meta.hlc))
  if (byClock !== 0) return byClock > 0
  return mutation.device > (meta.device ?? '')
}

/** Is the value a replay meets one written since the restore? */
const sinceRestore = (meta: FieldMeta, mutation: IncomingMutation): boolean =>
  mutation.replay !== undefined && changedAt(meta) > mutation.replay.after

/** A replay's place in the lost log, by the base it names for one field (or for the deletion). */
function lostPositionOf(mutation: IncomingMutation, base: number | null | undefined): LostPosition | null {
  const replay = mutation.replay
  if (!replay) return null
  return {
    seq: replay.seq,
    base: base ?? null,
    ...(replay.mutation !== undefined ? { mutation: replay.mutation, device: mutation.device } : {}),
    ...(replay.seen !== undefined && replay.seen.length > 0 ? { seen: replay.seen } : {}),
  }
}

/**
 * The clerk's edit of a field is concurrent with the server's value unless the clerk had seen that
 * value (base at or after its last change) or the value is the same device's own earlier edit. A
 * replay's base still speaks of the log up to the restore (both generations share it); of a value
 * written since, it can only have seen another replay's, the one it came after in the lost log.
 */
function isConcurrent(meta: FieldMeta, base: number | null | undefined, mutation: IncomingMutation): boolean {
  const since = sinceRestore(meta, mutation)
  if (!since && base !== null && base !== undefined && base >= changedAt(meta)) return false
  const position = lostPositionOf(mutation, base)
  if (since && meta.replay && position && saw(position, meta.replay)) return false
  return meta.device !== mutation.device
}

/** A replay the value's own replayed writer had seen in the lost log: it came before, nothing to merge. */
function supersedes(meta: FieldMeta, base: number | null | undefined, mutation: IncomingMutation): boolean {
  const position = lostPositionOf(mutation, base)
  return (
    sinceRestore(meta, mutation) &&
    meta.replay !== undefined &&
    position !== null &&
    saw(meta.replay, position)
  )
}

/** The conflicts a replayed edit has with the field's earlier replays other than its current value's. */
function replayConflicts(
  earlier: readonly ReplayedEdit[],
  incoming: ReplayedEdit,
  current: FieldMeta,
  field: string,
  guarded: boolean,
): ConflictDraft[] {
  const side = (e: ReplayedEdit): ConflictSide => ({
    value: e.value,
    userName: e.by,
    deviceId: e.device,
    at: atOf(e.hlc),
  })
  const isCurrent = (e: ReplayedEdit) => current.replay !== undefined && e.at === changedAt(current)
  return concurrentFrontier(earlier, incoming)
    .filter((e) => !isCurrent(e) && !same(e.value, incoming.value))
    .map((e): ConflictDraft => {
      if (guarded) return { kind: 'guardedField', field, current: side(e), other: side(incoming) }
      const byClock = compareHlc(decodeHlc(incoming.hlc), decodeHlc(e.hlc))
      const incomingLater = byClock !== 0 ? byClock > 0 : incoming.device > e.device
      const [later, other] = incomingLater ? [incoming, e] : [e, incoming]
      return { kind: 'concurrentEdit', field, current: side(later), other: side(other) }
    })
}

export function mergeMutation(
  current: ServerRecord | null,
  mutation: IncomingMutation,
  rules: MergeRules,
  seq: number,
): MergeResult {
  const guarded = new Set(rules.guarded)
  const stamp: FieldMeta = { seq, hlc: mutation.hlc, device: mutation.device, by: mutation.userName }
  /** The stamp of a change based on `base`: a replay's says where it stood in the lost log. */
  const stampFor = (base: number | null | undefined): FieldMeta => {
    const position = lostPositionOf(mutation, base)
    return position ? { ...stamp, replay: position } : stamp
  }
  const mine = (value: FieldValue): ConflictSide => ({
    value,
    userName: mutation.userName,
    deviceId: mutation.device,
    at: atOf(mutation.hlc),
  })
  const theirs = sideOfWriter

  if (mutation.op === 'insert') {
    if (current) return { outcome: 'rejected', reason: 'DUPLICATE_ID', message: 'A row with this id exists' }
    // A replayed insert keeps its place in the lost log, as a replayed edit does: an edit another PC
    // made on top of the new row, replayed after it, then tells it had seen it.
    return {
      outcome: 'merged',
      record: { values: { ...mutation.fields }, meta: { '*': stampFor(null) }, deletedAt: null },
      change: { op: 'put', fields: Object.keys(mutation.fields) },
      conflicts: [],
    }
  }
  if (!current) return { outcome: 'rejected', reason: 'NOT_FOUND', message: 'The server has no such row' }

  const values: RowValues = { ...current.values }
  const meta: FieldMetaMap = { ...current.meta }
  const conflicts: ConflictDraft[] = []

  if (mutation.op === 'restore') {
    // A live row: nothing to bring back (the change still comes back to the PC that sent it).
    if (current.deletedAt === null) {
      return { outcome: 'merged', record: current, change: { op: 'patch', fields: [] }, conflicts }
    }
    const deletion = metaOf(current, 'deletedAt')
    // Seen: the restore was based on this deletion (or its own PC made it, or, replayed after a
    // server restore, the deletion is older than the restore).
    if (isConcurrent(deletion, mutation.baseVersions.deletedAt, mutation)) {
      // Deleted again after the deletion the head decided on: that newer deletion stands, and waits
      // for a person like any other decision.
      meta.deletedAt = restamp(deletion, seq)
      conflicts.push({
        kind: 'editAfterDelete',
        field: null,
        current: theirs(current.deletedAt, deletion),
        other: mine(null),
      })
      return {
        outcome: 'merged',
        record: { values, meta, deletedAt: current.deletedAt },
        change: { op: 'delete', fields: [] },
        conflicts,
      }
    }
    meta.deletedAt = stampFor(mutation.baseVersions.deletedAt)
    return {
      outcome: 'merged',
      record: { values, meta, deletedAt: null },
      change: { op: 'put', fields: Object.keys(values) },
      conflicts,
    }
  }

  if (mutation.op === 'delete') {
    if (current.deletedAt !== null) {
      meta.deletedAt = restamp(metaOf(current, 'deletedAt'), seq)
      return {
        outcome: 'merged',
        record: { values, meta, deletedAt: current.deletedAt },
        change: { op: 'delete', fields: [] },
        conflicts,
      }
    }
    const deletedAt = atOf(mutation.hlc)
    // Edits the deleting clerk had not seen are lost with the row: each is kept in a conflict.
    for (const field of Object.keys(current.values).sort()) {
      const fieldMeta = metaOf(current, field)
      if (isConcurrent(fieldMeta, mutation.baseVersions.deletedAt, mutation)) {
        conflicts.push({
          kind: 'deleteAfterEdit',
          field,
          current: { ...mine(null), at: deletedAt },
          other: theirs(current.values[field] ?? null, fieldMeta),
        })
      }
    }
    meta.deletedAt = stampFor(mutation.baseVersions.deletedAt)
    return {
      outcome: 'merged',
      record: { values, meta, deletedAt },
      change: { op: 'delete', fields: [] },
      conflicts,
    }
  }

  const fields = Object.keys(mutation.fields).sort()
  if (current.deletedAt !== null) {
    // The row was deleted before this edit was made on a PC that had not heard of it: nothing applies,
    // each changed value waits in a conflict (a head may restore the row and apply it).
    const deletion = metaOf(current, 'deletedAt')
    for (const field of fields) {
      const value = mutation.fields[field] ?? null
      // A replayed deletion whose clerk had seen this edit in the lost log: deleted knowingly.
      if (
        !same(value, current.values[field]) &&
        !supersedes(deletion, mutation.baseVersions[field], mutation)
      ) {
        conflicts.push({
          kind: 'editAfterDelete',
          field,
          current: theirs(current.values[field] ?? null, deletion),
          other: mine(value),
        })
      }
      meta[field] = restamp(metaOf(current, field), seq)
    }
    return {
      outcome: 'merged',
      record: { values, meta, deletedAt: current.deletedAt },
      change: { op: 'patch', fields },
      conflicts,
    }
  }

  for (const field of fields) {
    const value = mutation.fields[field] ?? null
    const fieldMeta = metaOf(current, field)
    const old = current.values[field] ?? null
    const base = mutation.baseVersions[field]
    // A replay joins the field's replayed edits since the restore; conflicts among them follow
    // their order in the lost log, whatever order they arrive in.
    const position = lostPositionOf(mutation, base)
    const replayed: ReplayedEdit | null = position && {
      ...position,
      at: seq,
      value,
      device: mutation.device,
      by: mutation.userName,
      hlc: mutation.hlc,
    }
    const earlier = replayed && sinceRestore(fieldMeta, mutation) ? (fieldMeta.replays ?? []) : []
    const withReplays = (m: FieldMeta): FieldMeta =>
      replayed ? { ...m, replays: [...earlier, replayed] } : m
    if (replayed) conflicts.push(...replayConflicts(earlier, replayed, fieldMeta, field, guarded.has(field)))
    if (supersedes(fieldMeta, base, mutation)) {
      meta[field] = withReplays(restamp(fieldMeta, seq))
    } else if (!isConcurrent(fieldMeta, base, mutation)) {
      values[field] = value
      meta[field] = withReplays(stampFor(base))
    } else if (same(value, old)) {
      meta[field] = withReplays(restamp(fieldMeta, seq))
    } else if (guarded.has(field)) {
      meta[field] = withReplays(restamp(fieldMeta, seq))
      conflicts.push({ kind: 'guardedField', field, current: theirs(old, fieldMeta), other: mine(value) })
    } else if (mutationIsLater(mutation, fieldMeta)) {
      values[field] = value
      meta[field] = withReplays(stampFor(base))
      conflicts.push({ kind: 'concurrentEdit', field, current: mine(value), other: theirs(old, fieldMeta) })
    } else {
      meta[field] = withReplays(restamp(fieldMeta, seq))
      conflicts.push({ kind: 'concurrentEdit', field, current: theirs(old, fieldMeta), other: mine(value) })
    }
  }
  return {
    outcome: 'merged',
    record: { values, meta, deletedAt: null },
    change: { op: 'patch', fields },
    conflicts,
  }
}

/** The compact versions PCs see: `{ "*": seq, field: seq }` (see domain/sync/protocol.ts). */
export function fieldVersionsOf(meta: FieldMetaMap): Record<string, number> {
  const versions: Record<string, number> = {}
  for (const [field, m] of Object.entries(meta)) versions[field] = m.seq
  return versions
}
