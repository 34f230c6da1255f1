import type { Db } from '../database'
import { ensureDevice } from '../device'

export interface DeviceIdentity {
  deviceId: string
  /** Null until the PC is enrolled. */
  serverUrl: string | null
  deviceToken: string | null
  epoch: number | null
  serverGeneration: string | null
  clockOffsetMs: number
  lastSeq: number
  lastSyncAt: string | null
  lastError: string | null
  /** The highest device sequence number the server acknowledged in `epoch`. */
  acknowledgedSeq: number
}

/** This PC's identity towards the server (created with a local device id on first use). */
export function deviceIdentity(db: Db): DeviceIdentity {
  ensureDevice(db)
  return db.$client
    .prepare(
      `SELECT device_id AS deviceId, server_url AS serverUrl, device_token AS deviceToken, epoch,
         server_generation AS serverGeneration, clock_offset_ms AS clockOffsetMs, last_seq AS lastSeq,
         last_sync_at AS lastSyncAt, last_error AS lastError, acknowledged_seq AS acknowledgedSeq
       FROM device_state WHERE id = 1`,
    )
    .get() as DeviceIdentity
}

export interface Enrolment {
  serverUrl: string
  deviceId: string
  deviceToken: string
  epoch: number
  generation: string
}

/**
 * Saves what the server gave at enrolment. From now on the PC's HLC times carry the server's device
 * id (ties between PCs compare device ids, so the id must be the one the server knows); the HLC
 * state itself is kept, so times never go back.
 */
export function saveEnrolment(db: Db, e: Enrolment): void {
  const client = db.$client
  client.transaction(() => {
    ensureDevice(db)
    client
      .prepare(
        `UPDATE device_state SET server_url = ?, device_id = ?, device_token = ?, epoch = ?,
           server_generation = ?, last_error = NULL WHERE id = 1`,
      )
      .run(e.serverUrl, e.deviceId, e.deviceToken, e.epoch, e.generation)
  })()
}

/** What a hello taught: the server's clock offset. */
export function saveClockOffset(db: Db, clockOffsetMs: number): void {
  db.$client
    .prepare('UPDATE device_state SET clock_offset_ms = ? WHERE id = 1')
    .run(Math.round(clockOffsetMs))
}

/**
 * The server generation, saved once the PC has done what a new one asks (resnapshot, send again):
 * a PC stopped half-way sees the difference again at its next hello and finishes.
 */
export function saveServerGeneration(db: Db, generation: string): void {
  db.$client.prepare('UPDATE device_state SET server_generation = ? WHERE id = 1').run(generation)
}

/** The server acknowledged changes of this PC up to `seq` in the current epoch. */
export function saveAcknowledged(db: Db, seq: number): void {
  db.$client
    .prepare('UPDATE device_state SET acknowledged_seq = max(acknowledged_seq, ?) WHERE id = 1')
    .run(seq)
}

/** The end of a sync round: when it finished, and its failure as an i18n key (null when it went well). */
export function saveRoundResult(db: Db, r: { at: Date | null; error: string | null }): void {
  const client = db.$client
  if (r.at) client.prepare('UPDATE device_state SET last_sync_at = ? WHERE id = 1').run(r.at.toISOString())
  client.prepare('UPDATE device_state SET last_error = ? WHERE id = 1').run(r.error)
}
