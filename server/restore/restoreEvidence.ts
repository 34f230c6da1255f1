import type { HelloRequest } from '../../domain/sync/protocol'
import type { ServerMeta } from '../db/serverMeta'

type Hello = Pick<HelloRequest, 'knownGeneration' | 'acknowledged' | 'cursors'>

export type RestoreEvidence =
  /** The PC saw a generation this database never had: it was made after the backup. */
  | 'unknownGeneration'
  /** The server acknowledged more of this PC's changes (same epoch) than it now records. */
  | 'acknowledgedAhead'
  /** The PC pulled change-log positions this server has not reached. */
  | 'cursorAhead'

/**
 * What a PC's hello proves about the server having gone back in time (null: nothing). Only what the
 * PC learned in the current generation counts: after a rotation its older knowledge proves nothing.
 */
export function restoreEvidence(
  hello: Hello,
  meta: ServerMeta,
  device: { epoch: number; lastSeq: number },
  logEnd: number,
): RestoreEvidence | null {
  const known = hello.knownGeneration
  if (known === null) return null
  if (known !== meta.generation) {
    return meta.previousGenerations.includes(known) ? null : 'unknownGeneration'
  }
  const acknowledged = hello.acknowledged
  if (acknowledged) {
    if (acknowledged.epoch > device.epoch) return 'acknowledgedAhead'
    if (acknowledged.epoch === device.epoch && acknowledged.seq > device.lastSeq) return 'acknowledgedAhead'
  }
  if (Object.values(hello.cursors).some((cursor) => (cursor ?? 0) > logEnd)) return 'cursorAhead'
  return null
}
