import { inArray } from 'drizzle-orm'
import { v7 as uuidv7 } from 'uuid'
import { conflictValueText, type SyncConflictRow } from '../../domain/sync/conflictRow'
import type { RowValues } from '../../domain/sync/entities'
import type { ConflictDraft } from '../../domain/sync/merge'
import type { Scope } from '../../domain/sync/protocol'
import { devices } from '../db/schema'
import type { PushBatch } from './pushBatch'
import type { SequenceAllocator } from './sequence'
import { serverHlc } from './serverClock'
import type { SyncTx } from './syncTx'

export interface ConflictPlace {
  scope: Scope
  entity: string
  rowId: string
}

export interface WriteContext {
  tx: SyncTx
  /** Where the rows and change-log entries go until the batch is written. */
  batch: PushBatch
  seqs: SequenceAllocator
  txSeq: number
  at: Date
}

/**
 * Stores each conflict as an open `syncConflict` record of the scope it concerns, with its own
 * change-log entry, so the PCs of that scope pull it like any row. Returns the new records' ids.
 */
export async function writeConflicts(
  w: WriteContext,
  place: ConflictPlace,
  drafts: readonly ConflictDraft[],
): Promise<string[]> {
  const ids: string[] = []
  const names = await deviceNames(
    w.tx,
    drafts.flatMap((d) => [d.current.deviceId, d.other.deviceId]),
  )
  const nameOf = (deviceId: string | null) => (deviceId ? (names.get(deviceId) ?? null) : null)
  for (const draft of drafts) {
    const id = uuidv7()
    const seq = w.seqs.next()
    const row: SyncConflictRow = {
      scope: place.scope,
      kind: draft.kind,
      entity: place.entity,
      rowId: place.rowId,
      field: draft.field,
      currentValue: conflictValueText(draft.current.value),
      currentUserName: draft.current.userName,
      currentDeviceId: draft.current.deviceId,
      currentDeviceName: nameOf(draft.current.deviceId),
      currentAt: draft.current.at,
      otherValue: conflictValueText(draft.other.value),
      otherUserName: draft.other.userName,
      otherDeviceId: draft.other.deviceId,
      otherDeviceName: nameOf(draft.other.deviceId),
      otherAt: draft.other.at,
      status: 'open',
      resolvedBy: null,
      resolvedAt: null,
    }
    const values = row as unknown as RowValues
    const meta = { '*': { seq, hlc: serverHlc(w.at), device: null, by: null } }
    w.batch.saveRecord('syncConflict', id, place.scope, { values, meta, deletedAt: null }, seq, null)
    w.batch.appendChange({
      seq,
      txSeq: w.txSeq,
      scope: place.scope,
      entity: 'syncConflict',
      rowId: id,
      op: 'put',
      values,
      deletedAt: null,
      fieldVersions: { '*': seq },
      originDevice: null,
      originMutation: null,
      userId: null,
      userName: null,
      at: w.at,
    })
    ids.push(id)
  }
  return ids
}

/** The names IT gave the computers, so a head reads "Room 101" rather than an id. */
async function deviceNames(tx: SyncTx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await tx
    .select({ id: devices.id, name: devices.name })
    .from(devices)
    .where(inArray(devices.id, wanted))
  return new Map(rows.map((r) => [r.id, r.name]))
}
