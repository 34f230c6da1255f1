import { v7 as uuidv7 } from 'uuid'
import type { Db } from './database'

export interface DeviceRow {
  deviceId: string
  lastSeq: number
  hlcWallMs: number
  hlcCounter: number
  /** Server time minus this PC's clock at the last hello (0 before any). */
  clockOffsetMs: number
}

/** This PC's device row, created with a fresh device id on first use. */
export function ensureDevice(db: Db): DeviceRow {
  const client = db.$client
  const existing = client
    .prepare(
      `SELECT device_id AS deviceId, last_seq AS lastSeq, hlc_wall_ms AS hlcWallMs, hlc_counter AS hlcCounter,
         clock_offset_ms AS clockOffsetMs FROM device_state WHERE id = 1`,
    )
    .get() as DeviceRow | undefined
  if (existing) return existing
  const deviceId = uuidv7()
  client.prepare('INSERT INTO device_state (id, device_id) VALUES (1, ?)').run(deviceId)
  return { deviceId, lastSeq: 0, hlcWallMs: 0, hlcCounter: 0, clockOffsetMs: 0 }
}

export function pendingChangeCount(db: Db): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n
}
