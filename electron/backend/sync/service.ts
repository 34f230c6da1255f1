import type { Db } from '../../../db/database'
import { newId } from '../../../db/ids'
import type { EntityName } from '../../../db/replicatedTables'
import { type ConflictRow, findConflict, listConflicts, openConflictCount } from '../../../db/sync/conflicts'
import { deviceIdentity } from '../../../db/sync/deviceIdentity'
import { findOpenRejection, openRejections, resolveRejection } from '../../../db/sync/needsAttention'
import { isEntityName, isTombstone } from '../../../db/sync/replicaTable'
import { receivedSeq } from '../../../db/sync/scopeState'
import type { Change, WritePath } from '../../../db/writePath'
import type { Principal } from '../../../domain/auth/access'
import { roleAllows } from '../../../domain/auth/roles'
import { DomainError } from '../../../domain/errors'
import type { Conflict, SyncOverview, syncCalls } from '../../../domain/sync/contract'
import { fullRowSchema, someFieldsSchema } from '../../../domain/sync/entities'
import { FieldValue } from '../../../domain/sync/protocol'
import { fieldErrorsOf } from '../../../domain/validation'
import type { Handlers } from '../dispatch'
import type { SyncEngine } from './engine'

export interface SyncServiceDeps {
  db: Db
  write: WritePath
  engine: SyncEngine
  now: () => Date
  /** Enrols this PC (throws a DomainError when the server refuses or cannot be reached). */
  enrol(serverUrl: string, code: string, deviceName: string): Promise<void>
}

/** The scopes whose conflicts a user sees: the shared reference scope and the departments they read. */
function readableScopes(principal: Principal | null): string[] {
  if (!principal) return []
  const departments = roleAllows(principal.role, 'read') ? principal.departments : []
  return ['reference', ...departments]
}

const actorOf = (principal: Principal) => ({ userId: principal.userId, userName: principal.userName })

/** Sync status, the "needs attention" list, conflicts and enrolment, for the app's screens. */
export function syncService(deps: SyncServiceDeps): Handlers<{ sync: typeof syncCalls }>['sync'] {
  const { db, write, engine, now } = deps

  const overview = (principal: Principal | null): SyncOverview => {
    const status = engine.status()
    const identity = deviceIdentity(db)
    return {
      connection: status.connection,
      serverUrl: identity.serverUrl,
      deviceId: identity.deviceId,
      pendingChanges: status.pendingChanges,
      needsAttention: status.needsAttention,
      openConflicts: openConflictCount(db, readableScopes(principal)),
      lastSyncAt: status.lastSyncAt,
      receivedSeq: receivedSeq(db),
      lastError: status.lastError,
    }
  }

  return {
    overview: (_input, { principal }) => overview(principal),

    async syncNow(_input, { principal }) {
      await engine.syncNow()
      return overview(principal)
    },

    listRejected: () =>
      openRejections(db).map((r) => ({
        id: r.id,
        entity: r.entity,
        rowId: r.rowId,
        op: r.op,
        fields: r.fields,
        reason: r.reason,
        message: r.message,
        userName: r.userName,
        savedAt: r.savedAt,
        rejectedAt: r.rejectedAt,
      })),

    resendRejected({ id, fields }, { principal }) {
      const rejected = findOpenRejection(db, id)
      if (!rejected) throw new DomainError('NOT_FOUND', 'No such refused change')
      const entity = rejected.entity
      if (!isEntityName(entity) || entity === 'syncConflict') {
        throw new DomainError('VALIDATION', `Changes of ${entity} cannot be resent`)
      }
      const change = resentChange(db, rejected, entity, fields)
      db.$client.transaction(() => {
        write(actorOf(principal!), [change])
        resolveRejection(db, id, 'resent', principal!.userName, now().toISOString())
      })()
      void engine.syncNow().catch(() => undefined)
      return {}
    },

    discardRejected({ id }, { principal }) {
      if (!resolveRejection(db, id, 'discarded', principal!.userName, now().toISOString())) {
        throw new DomainError('NOT_FOUND', 'No such refused change')
      }
      return {}
    },

    listConflicts: ({ status }, { principal }) =>
      listConflicts(db, readableScopes(principal), status).map(toConflict),

    resolveConflict({ id, keep, merged }, { principal }) {
      const conflict = findConflict(db, id)
      if (conflict?.status !== 'open') throw new DomainError('NOT_FOUND', 'No such open conflict')
      const p = principal!
      if (p.role !== 'head' || !p.departments.includes(conflict.scope as never)) {
        throw new DomainError('FORBIDDEN', 'Only the head of the department decides conflicts')
      }
      const changes: Change[] = []
      if (keep !== 'current') {
        if (conflict.field === null || !isEntityName(conflict.entity)) {
          throw new DomainError('VALIDATION', 'This conflict can only be acknowledged', {
            keep: 'sync.conflict.onlyAcknowledge',
          })
        }
        const value = keep === 'other' ? (JSON.parse(conflict.otherValue) as unknown) : merged
        const parsed = someFieldsSchema(conflict.entity).safeParse({ [conflict.field]: value ?? null })
        if (!parsed.success) {
          throw new DomainError('VALIDATION', 'The value is not valid for this field', {
            merged: Object.values(fieldErrorsOf(parsed.error))[0] ?? 'validation.invalidFormat',
          })
        }
        // The value lived in a record that is deleted now (an edit of a deleted record, or a
        // deletion that lost an edit): keeping it brings the record back first.
        if (isTombstone(db.$client, conflict.entity, conflict.rowId)) {
          changes.push({ op: 'restore', entity: conflict.entity, id: conflict.rowId })
        }
        changes.push({ op: 'update', entity: conflict.entity, id: conflict.rowId, values: parsed.data })
      }
      changes.push({
        op: 'update',
        entity: 'syncConflict',
        id: conflict.id,
        values: { status: 'resolved', resolvedBy: p.userName, resolvedAt: now().toISOString() },
      })
      write(actorOf(p), changes)
      void engine.syncNow().catch(() => undefined)
      return {}
    },

    async enrol({ serverUrl, code, deviceName }, { principal }) {
      if (deviceIdentity(db).deviceToken) throw new DomainError('DUPLICATE', 'This PC is already enrolled')
      await deps.enrol(serverUrl, code, deviceName)
      engine.start()
      return overview(principal)
    },
  }
}

/**
 * The corrected values as a new change. A refused new row comes back under its own id, so rows
 * refused with it (a lease on a refused object) can be resent too; only when the server already
 * has that id does it get a new one.
 */
function resentChange(
  db: Db,
  rejected: { op: 'insert' | 'update' | 'delete'; rowId: string; reason: string },
  entity: Exclude<EntityName, 'syncConflict'>,
  fields: Record<string, FieldValue>,
): Change {
  const { op, rowId } = rejected
  const exists =
    db.$client.prepare(`SELECT 1 FROM ${tableOf(entity)} WHERE id = ? AND deleted_at IS NULL`).get(rowId) !==
    undefined
  if (op === 'delete') {
    if (!exists) throw new DomainError('NOT_FOUND', 'The record no longer exists')
    return { op: 'delete', entity, id: rowId }
  }
  const schema = op === 'insert' && !exists ? fullRowSchema(entity) : someFieldsSchema(entity)
  const parsed = schema.safeParse(fields)
  if (!parsed.success) throw new DomainError('VALIDATION', 'Invalid values', fieldErrorsOf(parsed.error))
  if (exists) return { op: 'update', entity, id: rowId, values: parsed.data }
  return {
    op: 'insert',
    entity,
    id: rejected.reason === 'DUPLICATE_ID' ? newId() : rowId,
    values: parsed.data,
  }
}

const tableNames: Record<string, string> = {
  territorialUnit: 'territorial_unit',
  propertyObject: 'property_object',
  propertyCadastralCode: 'property_cadastral_code',
  propertyLease: 'property_lease',
  propertyLeasePayment: 'property_lease_payment',
  propertyDocument: 'property_document',
}
const tableOf = (entity: string): string => {
  const name = tableNames[entity]
  if (!name) throw new DomainError('VALIDATION', `Unknown record type ${entity}`)
  return name
}

function toConflict(row: ConflictRow): Conflict {
  const value = (text: string) => {
    const parsed = FieldValue.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : text
  }
  return {
    id: row.id,
    scope: row.scope as Conflict['scope'],
    kind: row.kind as Conflict['kind'],
    entity: row.entity,
    rowId: row.rowId,
    field: row.field,
    current: {
      value: value(row.currentValue),
      userName: row.currentUserName,
      deviceId: row.currentDeviceId,
      deviceName: row.currentDeviceName,
      at: row.currentAt,
    },
    other: {
      value: value(row.otherValue),
      userName: row.otherUserName,
      deviceId: row.otherDeviceId,
      deviceName: row.otherDeviceName,
      at: row.otherAt,
    },
    status: row.status as Conflict['status'],
    resolvedBy: row.resolvedBy,
    resolvedAt: row.resolvedAt,
  }
}
