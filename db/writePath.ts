import type Database from 'better-sqlite3'
import { getTableColumns } from 'drizzle-orm'
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import { type ChildCount, DomainError } from '../domain/errors'
import { liveChildrenMessage } from '../domain/sync/liveChildren'
import { encodeHlc, type Hlc, tickLocal } from '../domain/time/hlc'
import type { Db } from './database'
import { ensureDevice } from './device'
import { newId } from './ids'
import { liveChildrenOf } from './liveChildren'
import { type EntityName, replicatedTables } from './replicatedTables'
import { rowBuffer } from './rowBuffer'
import { systemColumnKeys } from './schema/replicated'
import { withGateOpen } from './writeGuard'

export interface Actor {
  userId: string
  userName: string
}

type Values = Record<string, unknown>

/** One row-level change a service asks for. `subjectId` files it in the history of a parent record. */
export type Change =
  | { op: 'insert'; entity: EntityName; id?: string; values: Values; subjectId?: string }
  | {
      op: 'update'
      entity: EntityName
      id: string
      values: Values
      expectedVersion?: number
      subjectId?: string
    }
  | { op: 'delete'; entity: EntityName; id: string; expectedVersion?: number; subjectId?: string }
  /** Brings a deleted row back with the values it had (a head's decision on a deletion conflict). */
  | { op: 'restore'; entity: EntityName; id: string; subjectId?: string }

export interface Written {
  entity: EntityName
  id: string
  subjectId: string
  op: Change['op']
  /** An insert's values as written (derived indexes read them instead of the row). */
  inserted?: Readonly<Values>
}

/** Keeps derived data (full-text indexes) in step, inside the same transaction. */
export type DerivedIndex = (client: Database.Database, written: readonly Written[]) => void

export interface WritePathOptions {
  derivedIndexes?: readonly DerivedIndex[]
  now?: () => Date
}

export type WritePath = (actor: Actor, changes: readonly Change[]) => Written[]

interface TableStatements {
  entity: EntityName
  keys: string[]
  keySet: ReadonlySet<string>
  columns: string[]
  select: Database.Statement
  insert: Database.Statement
  update: Database.Statement
  /** The live rows naming a row of this table as their parent, by kind. */
  liveChildren(id: string): ChildCount[]
}

/**
 * The one way replicated data changes. In a single transaction it writes the rows, appends one
 * outbox row per changed row (mutation id, device sequence, entity, row id, op, changed fields, the
 * field versions the change was based on, HLC time, user) and the history entry of each change.
 */
export function createWritePath(db: Db, options: WritePathOptions = {}): WritePath {
  const client = db.$client
  const now = options.now ?? (() => new Date())
  const derived = options.derivedIndexes ?? []
  const statements = new Map<EntityName, TableStatements>()
  const statementsFor = (entity: EntityName) => {
    let s = statements.get(entity)
    if (!s) {
      s = prepareTable(client, entity)
      statements.set(entity, s)
    }
    return s
  }
  const saveDevice = client.prepare(
    'UPDATE device_state SET last_seq = ?, hlc_wall_ms = ?, hlc_counter = ? WHERE id = 1',
  )

  const run = client.transaction((actor: Actor, changes: readonly Change[]): Written[] => {
    const device = ensureDevice(db)
    let hlc: Hlc = { wallMs: device.hlcWallMs, counter: device.hlcCounter, deviceId: device.deviceId }
    let seq = device.lastSeq
    const at = now()
    const atIso = at.toISOString()
    const written: Written[] = []
    // Outbox and history rows go several to a statement, flushed before the derived indexes run;
    // made per call, so a failed call leaves nothing behind for the next one.
    const outboxRows = rowBuffer(
      client,
      'INSERT INTO outbox (seq, mutation_id, entity, row_id, op, fields, base_versions, hlc, user_id, created_at)',
      10,
    )
    const historyRows = rowBuffer(
      client,
      'INSERT INTO record_history (mutation_id, entity, row_id, subject_id, op, changes, user_id, user_name, at, hlc)',
      10,
    )

    withGateOpen(client, () => {
      for (const change of changes) {
        // HLC physical time is corrected by the server's clock, so a PC with a wrong clock stays in step.
        hlc = tickLocal(hlc, Math.max(0, at.getTime() + device.clockOffsetMs))
        const version = encodeHlc(hlc)
        const s = statementsFor(change.entity)
        const applied = applyOne(s, change, actor, atIso)
        if (!applied) continue
        seq += 1
        const mutationId = newId()
        const fields = JSON.stringify(applied.fields)
        outboxRows.add(
          seq,
          mutationId,
          change.entity,
          applied.id,
          change.op,
          fields,
          applied.baseVersions === NO_BASE ? '{}' : JSON.stringify(applied.baseVersions),
          version,
          actor.userId,
          atIso,
        )
        const subjectId = change.subjectId ?? applied.id
        historyRows.add(
          mutationId,
          change.entity,
          applied.id,
          subjectId,
          change.op,
          // An insert's history is its values (the same text as the outbox row; see db/history.ts).
          applied.history === null ? fields : JSON.stringify(applied.history),
          actor.userId,
          actor.userName,
          atIso,
          version,
        )
        written.push(
          change.op === 'insert'
            ? { entity: change.entity, id: applied.id, subjectId, op: change.op, inserted: applied.fields }
            : { entity: change.entity, id: applied.id, subjectId, op: change.op },
        )
      }
      outboxRows.flush()
      historyRows.flush()
      for (const index of derived) index(client, written)
    })
    saveDevice.run(seq, hlc.wallMs, hlc.counter)
    return written
  })

  return (actor, changes) => run(actor, changes)
}

interface Applied {
  id: string
  fields: Values
  baseVersions: Record<string, number | null>
  /** Null for an insert: its history is its fields. */
  history: { field: string; from: unknown; to: unknown }[] | null
}

/** The base versions of a new row: none (it has no server versions until its insert comes back). */
const NO_BASE: Record<string, number | null> = Object.freeze({}) as Record<string, number | null>

const systemKeys = new Set<string>(systemColumnKeys)

function applyOne(s: TableStatements, change: Change, actor: Actor, atIso: string): Applied | null {
  if (change.op === 'insert') {
    const id = change.id ?? newId()
    const fields = clerkFields(s, change.values)
    const system: Values = {
      id,
      version: 1,
      fieldVersions: '{}',
      deletedAt: null,
      createdAt: atIso,
      updatedAt: atIso,
      updatedBy: actor.userId,
    }
    const params = new Array<unknown>(s.keys.length)
    for (let i = 0; i < s.keys.length; i++) {
      const key = s.keys[i]!
      params[i] = toSql(systemKeys.has(key) ? system[key] : fields[key])
    }
    s.insert.run(params)
    return { id, fields, baseVersions: NO_BASE, history: null }
  }

  const current = s.select.get(change.id) as Values | undefined
  const exists = current !== undefined && (change.op === 'restore' || current.deletedAt === null)
  if (!exists) throw new DomainError('NOT_FOUND', `${change.entity} ${change.id} does not exist`)
  if (
    'expectedVersion' in change &&
    change.expectedVersion !== undefined &&
    change.expectedVersion !== current.version
  ) {
    throw new DomainError('STALE_VERSION', `${change.entity} ${change.id} was saved meanwhile`)
  }
  const fieldVersions = JSON.parse(String(current.fieldVersions)) as Record<string, number>
  // The server version each changed field's value was based on (see domain/sync/protocol.ts).
  const baseOf = (key: string): number | null => fieldVersions[key] ?? fieldVersions['*'] ?? null
  const changed: Values = {}
  const baseVersions: Record<string, number | null> = {}
  const history: Applied['history'] = []

  if (change.op === 'restore') {
    // Already live (restored meanwhile, or by a pull): nothing to do.
    if (current.deletedAt === null) return null
    changed.deletedAt = null
    // Based on the deletion this PC knows: a later deletion on the server is another decision.
    baseVersions.deletedAt = fieldVersions.deletedAt ?? null
    history.push({ field: 'deletedAt', from: current.deletedAt, to: null })
  } else if (change.op === 'delete') {
    // A row live rows still name stays: they would point at a deleted record. Rows deleted earlier
    // in the same call no longer count, so a service may delete children and then their parent.
    const children = s.liveChildren(change.id)
    if (children.length > 0) {
      throw new DomainError(
        'HAS_CHILDREN',
        liveChildrenMessage(change.entity, change.id, children),
        undefined,
        children,
      )
    }
    changed.deletedAt = atIso
    // A delete is based on everything the PC had seen of the row: its newest field version.
    const seen = Object.values(fieldVersions)
    baseVersions.deletedAt = seen.length > 0 ? Math.max(...seen) : null
    history.push({ field: 'deletedAt', from: null, to: atIso })
  } else {
    for (const [key, value] of Object.entries(clerkFields(s, change.values))) {
      if (sameValue(current[key], value)) continue
      changed[key] = value
      baseVersions[key] = baseOf(key)
      history.push({ field: key, from: current[key], to: value })
    }
    if (history.length === 0) return null
  }
  // fieldVersions stay: only changes pulled from the server move them on.
  const row: Values = {
    ...current,
    ...changed,
    version: Number(current.version) + 1,
    updatedAt: atIso,
    updatedBy: actor.userId,
  }
  s.update.run([...s.keys.filter((k) => k !== 'id').map((k) => toSql(row[k])), change.id])
  // A restore's outbox row names no fields: the server brings back the values it kept.
  return { id: change.id, fields: change.op === 'restore' ? {} : changed, baseVersions, history }
}

/** The change's values restricted to the table's own clerk-editable columns. */
function clerkFields(s: TableStatements, values: Values): Values {
  const out: Values = {}
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue
    if (systemKeys.has(key) || !s.keySet.has(key)) {
      throw new DomainError('INTERNAL', `Field ${key} cannot be written`)
    }
    out[key] = value
  }
  return out
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null)
}

function toSql(value: unknown): unknown {
  if (value === undefined) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  return value
}

function prepareTable(client: Database.Database, entity: EntityName): TableStatements {
  const table: SQLiteTable = replicatedTables[entity].table
  const name = getTableConfig(table).name
  const columnsByKey = getTableColumns(table)
  const keys = Object.keys(columnsByKey)
  const columns = keys.map((k) => columnsByKey[k]!.name)
  const selectList = keys.map((k, i) => `"${columns[i]}" AS "${k}"`).join(', ')
  const updatable = keys.filter((k) => k !== 'id')
  return {
    entity,
    keys,
    keySet: new Set(keys),
    columns,
    select: client.prepare(`SELECT ${selectList} FROM "${name}" WHERE id = ?`),
    insert: client.prepare(
      `INSERT INTO "${name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ),
    update: client.prepare(
      `UPDATE "${name}" SET ${updatable.map((k) => `"${columnsByKey[k]!.name}" = ?`).join(', ')} WHERE id = ?`,
    ),
    liveChildren: (id) => liveChildrenOf(client, entity, id),
  }
}
