import type { z } from 'zod'
import { roleAllows } from '../../domain/auth/roles'
import {
  type EntityDefinition,
  type EntityName,
  entities,
  fullRowSchema,
  isEntityName,
  type RowValues,
  scopeOfRow,
  someFieldsSchema,
} from '../../domain/sync/entities'
import { liveChildrenMessage } from '../../domain/sync/liveChildren'
import {
  type ConflictDraft,
  clampHlc,
  fieldVersionsOf,
  hlcTime,
  mergeMutation,
  sideOfWriter,
} from '../../domain/sync/merge'
import type { Mutation, MutationResult, RejectReason, Scope } from '../../domain/sync/protocol'
import { readableScopes, writableScopes } from '../auth/scopes'
import type { DeviceAuth } from '../context'
import type { Author } from './authors'
import { type WriteContext, writeConflicts } from './conflictRecords'
import { type StoredRecord, serverRowOf } from './records'
import { planBatchUniqueKeys } from './uniqueKeys'

export interface MutationContext extends WriteContext {
  device: DeviceAuth
  authors: ReadonlyMap<string, Author>
  /** Scope -> the highest sequence number written to it in this transaction (for the pokes). */
  pokes: Map<Scope, number>
  /** The log position of the last restore from a backup (null: never restored); replays merge against it. */
  restoredAtSeq: number | null
}

export interface MutationOutcome {
  result: MutationResult
  seqFrom: number | null
  seqTo: number | null
}

const MAX_MESSAGE = 500

// The domain builds a new schema on each call, and zod compiles a schema on its first parse: kept per
// entity here, that compilation happens once per process instead of once or twice per mutation.
const schemas = new Map<string, z.ZodType<RowValues>>()
function schemaOf(entity: EntityName, whole: boolean): z.ZodType<RowValues> {
  const key = `${whole ? 'full' : 'some'}:${entity}`
  let schema = schemas.get(key)
  if (!schema) {
    schema = whole ? fullRowSchema(entity) : someFieldsSchema(entity)
    schemas.set(key, schema)
  }
  return schema
}

function issuesText(error: z.ZodError): string {
  const text = error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ')
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text
}

/**
 * Applies one pushed mutation inside the push transaction: checks it (entity, schema, the author's
 * right to write the scope now, parents, no live children of a deleted row, unique values), merges it field by field and writes the
 * row, its change-log entry and any conflict records. A permanent failure is a `rejected` result,
 * never an exception: it is recorded and acknowledged so the PC's queue moves on.
 */
export async function applyMutation(w: MutationContext, mutation: Mutation): Promise<MutationOutcome> {
  const author = w.authors.get(mutation.userId) ?? { access: null, name: null }
  let existing: StoredRecord | null = null
  const reject = (reason: RejectReason, message: string): MutationOutcome => {
    // The server's row goes back only to a user who may read it.
    const visible = existing && author.access && readableScopes(author.access).includes(existing.scope)
    return {
      result: {
        seq: mutation.seq,
        mutationId: mutation.mutationId,
        status: 'rejected',
        reason,
        message,
        current: visible && existing ? serverRowOf(existing) : null,
      },
      seqFrom: null,
      seqTo: null,
    }
  }

  if (!isEntityName(mutation.entity)) return reject('UNKNOWN_ENTITY', `No entity ${mutation.entity}`)
  const entity = mutation.entity
  const def: EntityDefinition = entities[entity]
  existing = await w.batch.record(entity, mutation.rowId)
  if (!existing && mutation.op !== 'insert')
    return reject('NOT_FOUND', `The server has no ${entity} ${mutation.rowId}`)
  const scope = existing?.scope ?? scopeOfRow(entity, mutation.fields)
  if (!scope) return reject('VALIDATION', 'scope: the row names no valid scope')

  if (Object.values(mutation.fields).some((v) => typeof v === 'string' && v.includes('\0'))) {
    return reject('VALIDATION', 'A text value holds a NUL character')
  }
  let fields: RowValues = {}
  let baseVersions = mutation.baseVersions
  if (mutation.op === 'restore' && Object.keys(mutation.fields).length > 0) {
    return reject('VALIDATION', 'A restore carries no fields')
  }
  if (mutation.op === 'insert' || mutation.op === 'update') {
    const schema = schemaOf(entity, mutation.op === 'insert')
    const parsed = schema.safeParse(mutation.fields)
    if (!parsed.success) return reject('VALIDATION', issuesText(parsed.error))
    fields = parsed.data
  }

  if (author.name === null) return reject('FORBIDDEN', 'The change names a user the server does not know')
  if (!author.access || !writableScopes(author.access).includes(scope)) {
    if (def.clientWritable) return reject('FORBIDDEN', 'The user may not decide conflicts of this scope')
    return routeToHead(w, mutation, { scope, entity }, author.name, fields)
  }
  // Reference data only a head changes: a change by someone who is no longer one waits for a head too.
  if (def.writeAction && !roleAllows(author.access.role, def.writeAction)) {
    return routeToHead(w, mutation, { scope, entity }, author.name, fields)
  }

  if (def.clientWritable) {
    const allowed = new Set(def.clientWritable)
    if (mutation.op !== 'update' || Object.keys(fields).some((f) => !allowed.has(f))) {
      return reject('FORBIDDEN', 'The server makes these rows; a PC may only change their decision')
    }
    if (scope !== 'reference' && !roleAllows(author.access.role, 'approve')) {
      return reject('FORBIDDEN', 'Only a head of the department may decide a conflict')
    }
    // Who decided is the server's to say, not the PC's.
    if ('status' in fields || 'resolvedBy' in fields) {
      const resolved = (fields.status ?? existing?.values.status) === 'resolved'
      fields = { ...fields, resolvedBy: resolved ? author.name : null }
      if (!resolved) fields.resolvedAt = null
      // What the server fills in follows the decision's base, not a version the PC never saw.
      const decisionBase = mutation.baseVersions.status ?? null
      baseVersions = { resolvedBy: decisionBase, resolvedAt: decisionBase, ...mutation.baseVersions }
    }
  }

  // A restored row needs its parents alive again; a changed parent field, the new parent.
  const restoring = mutation.op === 'restore' && existing?.deletedAt !== null
  for (const [field, parentEntity] of Object.entries(def.parents)) {
    const parentId = restoring ? existing?.values[field] : fields[field]
    if (parentId === undefined || parentId === null) continue
    if (!restoring && parentId === existing?.values[field]) continue
    const parent = await w.batch.record(parentEntity, String(parentId))
    if (!parent || parent.deletedAt !== null) {
      return reject('REFERENCE', `${field}: no live ${parentEntity} ${String(parentId)}`)
    }
  }

  const mark = w.seqs.current
  const seq = w.seqs.next()
  const hlc = clampHlc(mutation.hlc, w.at.getTime())
  const incoming = {
    op: mutation.op,
    fields,
    baseVersions,
    hlc,
    device: w.device.deviceId,
    userName: author.name,
    ...(mutation.replay && w.restoredAtSeq !== null
      ? {
          replay: {
            after: w.restoredAtSeq,
            seq: mutation.changeSeq ?? null,
            mutation: mutation.mutationId,
            ...(mutation.seen ? { seen: mutation.seen } : {}),
          },
        }
      : {}),
  }
  const merged = mergeMutation(existing, incoming, def, seq)
  const refuse = (reason: RejectReason, message: string) => {
    w.seqs.rewind(mark)
    return reject(reason, message)
  }
  if (merged.outcome === 'rejected') return refuse(merged.reason, merged.message)
  const state = merged.record
  const live = state.deletedAt === null
  // A row live rows still name stays (a lease another PC added to the object meanwhile, say).
  if (existing && existing.deletedAt === null && !live) {
    const children = await w.batch.liveChildren(entity, mutation.rowId)
    if (children.length > 0) {
      const readable = author.access ? readableScopes(author.access) : []
      const seen = children.filter(
        (c) =>
          isEntityName(c.entity) &&
          readable.includes((entities[c.entity] as EntityDefinition).scope as Scope),
      )
      const message = liveChildrenMessage(entity, mutation.rowId, seen, seen.length < children.length)
      return refuse('HAS_CHILDREN', message)
    }
  }
  if (mutation.op === 'update' && live) {
    const whole = schemaOf(entity, true).safeParse(state.values)
    if (!whole.success) return refuse('VALIDATION', issuesText(whole.error))
  }

  const keys = await planBatchUniqueKeys(w.batch, entity, def, mutation.rowId, state.values, live)
  const numberConflicts: ConflictDraft[] = []
  for (const duplicate of keys.duplicates) {
    const field = duplicate.key.field
    if (!duplicate.key.documentNumber) return refuse('DUPLICATE', `${field}: ${duplicate.value} is taken`)
    // A document number issued twice: both documents exist on paper, so a person decides.
    const holder = await w.batch.record(entity, duplicate.holderId)
    const holderMeta = holder ? (holder.meta[field] ?? holder.meta['*']) : null
    numberConflicts.push({
      kind: 'duplicateNumber',
      field,
      current: holderMeta
        ? sideOfWriter(duplicate.value, holderMeta)
        : { value: duplicate.value, userName: '', deviceId: null, at: w.at.toISOString() },
      other: { value: duplicate.value, userName: author.name, deviceId: w.device.deviceId, at: hlcTime(hlc) },
    })
  }

  await keys.apply()
  w.batch.saveRecord(entity, mutation.rowId, scope, state, seq, existing)
  const { op, fields: touched } = merged.change
  w.batch.appendChange({
    seq,
    txSeq: w.txSeq,
    scope,
    entity,
    rowId: mutation.rowId,
    op,
    values:
      op === 'put' ? state.values : Object.fromEntries(touched.map((f) => [f, state.values[f] ?? null])),
    deletedAt: state.deletedAt,
    fieldVersions: op === 'put' ? fieldVersionsOf(state.meta) : null,
    originDevice: w.device.deviceId,
    originMutation: mutation.mutationId,
    userId: mutation.userId,
    userName: author.name,
    at: w.at,
  })
  const place = { scope, entity, rowId: mutation.rowId }
  const conflictIds = await writeConflicts(w, place, [...merged.conflicts, ...numberConflicts])
  w.pokes.set(scope, w.seqs.current)
  const base = { seq: mutation.seq, mutationId: mutation.mutationId, changeSeq: seq }
  return {
    result:
      conflictIds.length > 0
        ? { ...base, status: 'conflicted', conflictIds }
        : { ...base, status: 'applied' },
    seqFrom: seq,
    seqTo: w.seqs.current,
  }
}

/**
 * A change by a user who may no longer make it (their membership or role was taken away while the
 * PC was offline): refused, and kept whole in a `permissionRevoked` conflict for the scope's head.
 */
async function routeToHead(
  w: MutationContext,
  mutation: Mutation,
  place: { scope: Scope; entity: string },
  userName: string,
  fields: RowValues,
): Promise<MutationOutcome> {
  const from = w.seqs.current + 1
  const at = w.at.toISOString()
  const [conflictId] = await writeConflicts(w, { ...place, rowId: mutation.rowId }, [
    {
      kind: 'permissionRevoked',
      field: null,
      current: { value: null, userName: '', deviceId: null, at },
      other: {
        value: JSON.stringify({ op: mutation.op, fields }),
        userName,
        deviceId: w.device.deviceId,
        at: hlcTime(clampHlc(mutation.hlc, w.at.getTime())),
      },
    },
  ])
  w.pokes.set(place.scope, w.seqs.current)
  return {
    result: {
      seq: mutation.seq,
      mutationId: mutation.mutationId,
      status: 'rejected',
      reason: 'FORBIDDEN',
      message: `The user may no longer write ${place.scope}; the change went to its head as conflict ${conflictId}`,
      current: null,
    },
    seqFrom: from,
    seqTo: w.seqs.current,
  }
}
