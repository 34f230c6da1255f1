import type { Change } from '../../db/writePath'

// The line protocol between the harness and a PC driver child process (tests/fault/pcDriver.ts):
// one JSON object per line each way. A PC acknowledges a clerk's save (an `ack` line) right after
// its SQLite transaction commits, before it does anything else: what the harness has seen acked,
// the clerk has seen saved, and the checker holds the system to it.

export interface PcConfig {
  dbFile: string
  /** The PC's wrong clock: added to the real time for everything the PC does. */
  skewMs: number
  /** Background sync rounds this often (pokes trigger more). */
  intervalMs: number
  timeoutMs: number
  pokes: boolean
}

export type PcCommand =
  | { cmd: 'enrol'; serverUrl: string; code: string; deviceName: string }
  | { cmd: 'login'; username: string; password: string }
  | { cmd: 'start' }
  /** Each entry is one clerk save (one transaction), acknowledged as it commits. */
  | { cmd: 'write'; saves: Change[][] }
  /** A lease whose contract number comes from the PC's number pool, in the lease's own transaction. */
  | { cmd: 'lease'; rowId: string; values: Record<string, unknown> }
  /** Ids of the live rows of a table this PC holds. */
  | { cmd: 'liveIds'; table: 'property_object' | 'property_lease' }
  /** A consistent copy of the store (VACUUM INTO), as a nightly backup would make. */
  | { cmd: 'backup'; to: string }
  | { cmd: 'sync' }
  | { cmd: 'status' }
  | { cmd: 'stop' }

export type PcRequest = PcCommand & { id: number }

/** One outbox row the PC committed, as the harness records it. */
export interface AckedMutation {
  mutationId: string
  seq: number
  entity: string
  rowId: string
  op: 'insert' | 'update' | 'delete'
  fields: Record<string, unknown>
  baseVersions: Record<string, number | null>
  /** The server generation the PC knew when the clerk saved: the log its base versions name. */
  generation: string | null
}

export interface PcStatus {
  deviceId: string
  unconfirmed: number
  needsAttention: number
  cursors: Record<string, number>
  connection: string
  lastError: string | null
}

export type PcLine =
  | { id: number; ack: AckedMutation[]; number?: string }
  | { id: number; ok: true; data?: unknown }
  | { id: number; ok: false; code: string; message: string }
  | { ready: true; deviceId: string }
