import type Database from 'better-sqlite3'
import type { FieldValue, FieldVersions } from '../../domain/sync/protocol'
import type { Written } from '../writePath'
import { parseFieldVersions, versionOf } from './fieldVersions'
import { pendingFields } from './pendingFields'
import { replicaTable } from './replicaTable'
import { subjectOf } from './subjects'

type Row = Record<string, unknown>

/** What the server says a row (or some of its fields) is now. */
export interface ServerState {
  entity: string
  rowId: string
  /** Field values as the protocol names them; fields this PC does not know are ignored. */
  values: Record<string, FieldValue>
  /** The tombstone; undefined when the change says nothing about it. */
  deletedAt?: string | null
  /** The server version each field of this change now has. */
  versionOf(field: string): number
  /**
   * The change-log position of this state: a field whose stored version is at least this is newer
   * than the change and is left alone (so applying a page twice changes nothing). Null: never skip.
   */
  seq: number | null
  /** Every field's version, when the change carries the whole row: stored as is (compact). */
  wholeRow?: FieldVersions
  /**
   * The row a refusal sends back, which can be older than what this PC holds:
   * - a field this PC holds at a newer server version keeps its value: the row can arrive (late, or
   *   again) after the PC pulled later changes of it;
   * - a field with a pending local change keeps its version as well as its value: the row can
   *   already carry that change's own effect (the server merged it before refusing a later one), and
   *   were its version moved there, the effect coming back by pull would look old and never apply.
   */
  refusalRow?: boolean
  at: string
  userId: string | null
}

export interface FieldChange {
  field: string
  from: unknown
  to: unknown
}

export type RowOutcome =
  | { kind: 'skipped' }
  | { kind: 'unchanged' }
  | { kind: 'written'; written: Written | null; changes: FieldChange[]; created: boolean }

/**
 * Writes the server's state of one row into the local table, except fields with a pending local
 * change (their version moves on, their value stays the clerk's). Callers hold the write gate open.
 * `outboxRows`, when given, holds every row (`outboxRowKey`) the outbox had when the caller's
 * transaction began: a row outside it has no pending field, and the outbox is not asked.
 */
export function writeServerState(
  client: Database.Database,
  state: ServerState,
  outboxRows?: ReadonlySet<string>,
): RowOutcome {
  const t = replicaTable(client, state.entity)
  if (!t) return { kind: 'skipped' }
  const incoming = new Map<string, unknown>()
  for (const [key, value] of Object.entries(state.values)) {
    if (t.fieldKeys.has(key)) incoming.set(key, value)
  }
  if (state.deletedAt !== undefined) incoming.set('deletedAt', state.deletedAt)
  // Only the columns this change names (and those every change reads), not the whole row.
  const current = t.selectOf([...incoming.keys()]).get(state.rowId) as Row | undefined

  if (!current) {
    // A patch or a bare deletion of a row never seen cannot make a whole row: nothing to keep. A whole
    // deleted row (a snapshot's tombstone that live rows still name as their parent) is kept hidden.
    if (t.requiredKeys.some((k) => !incoming.has(k))) return { kind: 'skipped' }
    if (state.deletedAt && !state.wholeRow) return { kind: 'skipped' }
  }

  const pending =
    current && (!outboxRows || outboxRows.has(outboxRowKey(state.entity, state.rowId)))
      ? pendingFields(client, state.entity, state.rowId)
      : noFields
  const storedVersions = current ? parseFieldVersions(current.fieldVersions) : {}
  let nextVersions: FieldVersions = { ...storedVersions }
  const next: Row = current
    ? { ...current }
    : {
        id: state.rowId,
        version: 0,
        deletedAt: null,
        createdAt: typeof state.values.createdAt === 'string' ? state.values.createdAt : state.at,
      }
  const changes: FieldChange[] = []
  let skippedAny = false
  for (const [key, value] of incoming) {
    const stored = versionOf(storedVersions, key)
    if (current && state.seq !== null && stored !== null && stored >= state.seq) {
      skippedAny = true
      continue
    }
    if (current && state.refusalRow && stored !== null && stored > state.versionOf(key)) {
      skippedAny = true
      continue
    }
    if (pending.has(key) && state.refusalRow) continue
    nextVersions[key] = state.versionOf(key)
    if (pending.has(key)) continue
    const sqlValue = toSql(value)
    if (current && sameValue(current[key], sqlValue)) continue
    changes.push({ field: key, from: current ? (current[key] ?? null) : null, to: sqlValue })
    next[key] = sqlValue
  }
  if (state.wholeRow && !skippedAny) nextVersions = { ...state.wholeRow }

  const versionsChanged = !sameVersions(nextVersions, storedVersions)
  if (current && changes.length === 0 && !versionsChanged) return { kind: 'unchanged' }
  next.fieldVersions = JSON.stringify(nextVersions)
  if (changes.length > 0) {
    next.version = Number(next.version ?? 0) + 1
    next.updatedAt = state.at
    next.updatedBy = state.userId ?? (current?.updatedBy as string | undefined) ?? ''
  }
  if (current) {
    // Only what moved: the field versions, the changed fields and, with them, the row's version.
    const moved = ['fieldVersions', ...changes.map((c) => c.field)]
    if (changes.length > 0) moved.push('version', 'updatedAt', 'updatedBy')
    t.updateOf(moved).run(...moved.map((k) => toSql(next[k])), state.rowId)
  } else {
    t.upsert.run(t.keys.map((k) => toSql(next[k])))
  }
  if (changes.length === 0) return { kind: 'written', written: null, changes, created: false }
  const becameDeleted = current !== undefined && current.deletedAt === null && next.deletedAt !== null
  const written: Written = {
    entity: t.entity,
    id: state.rowId,
    subjectId: subjectOf(client, state.entity, next),
    op: !current ? 'insert' : becameDeleted ? 'delete' : 'update',
  }
  return { kind: 'written', written, changes, created: !current }
}

const noFields: ReadonlySet<string> = new Set()

export const outboxRowKey = (entity: string, rowId: string) => `${entity}\u0000${rowId}`

function toSql(value: unknown): unknown {
  if (value === undefined) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  return value
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null)
}

/** Same fields at the same versions, in any order (compared for every pulled change: no sorting). */
function sameVersions(a: FieldVersions, b: FieldVersions): boolean {
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k])
}
