import { z } from 'zod'

// Hybrid Logical Clock (Kulkarni et al. 2014) for ordering edits across PCs (DESIGN.md section 5).
// Physical time is passed in, already corrected by the server offset; nothing here reads a clock.
// The wall part never goes backwards, so a PC whose clock jumps back (even by a day) keeps issuing
// increasing times, and its drift ahead of the physical clock is reported for IT.

const WALL_DIGITS = 15
const COUNTER_DIGITS = 6
export const MAX_WALL_MS = 10 ** WALL_DIGITS - 1
export const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1
/** Device ids are compared by code unit; a plain ASCII alphabet keeps that equal to SQLite's byte order. */
const DEVICE_ID = /^[0-9A-Za-z_-]{1,64}$/

export const Hlc = z.object({
  wallMs: z.number().int().min(0).max(MAX_WALL_MS),
  counter: z.number().int().min(0).max(MAX_COUNTER),
  deviceId: z.string().regex(DEVICE_ID),
})
export type Hlc = z.infer<typeof Hlc>

export const initialHlc = (deviceId: string): Hlc => ({ wallMs: 0, counter: 0, deviceId })

function checkPhysical(physicalNowMs: number): void {
  if (!Number.isSafeInteger(physicalNowMs) || physicalNowMs < 0) {
    throw new RangeError(`physical time must be whole non-negative milliseconds: ${physicalNowMs}`)
  }
}

/** A counter past its six digits moves the wall on by one millisecond instead. */
function settle(deviceId: string, wallMs: number, counter: number): Hlc {
  return counter > MAX_COUNTER ? { wallMs: wallMs + 1, counter: 0, deviceId } : { wallMs, counter, deviceId }
}

/** The time of a local event or of a message about to be sent. */
export function tickLocal(state: Hlc, physicalNowMs: number): Hlc {
  checkPhysical(physicalNowMs)
  if (physicalNowMs > state.wallMs) return { wallMs: physicalNowMs, counter: 0, deviceId: state.deviceId }
  return settle(state.deviceId, state.wallMs, state.counter + 1)
}

/** The local time after seeing `remote`: later than both the local state and the remote time. */
export function receive(state: Hlc, remote: Hlc, physicalNowMs: number): Hlc {
  checkPhysical(physicalNowMs)
  const wallMs = Math.max(state.wallMs, remote.wallMs, physicalNowMs)
  let counter = 0
  if (wallMs === state.wallMs && wallMs === remote.wallMs)
    counter = Math.max(state.counter, remote.counter) + 1
  else if (wallMs === state.wallMs) counter = state.counter + 1
  else if (wallMs === remote.wallMs) counter = remote.counter + 1
  return settle(state.deviceId, wallMs, counter)
}

/** Wall time, then counter, then device id (so two PCs never tie). */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1
  return 0
}

/** How far the clock runs ahead of physical time: large values mean a wrong clock somewhere. */
export const hlcDriftMs = (state: Hlc, physicalNowMs: number): number => state.wallMs - physicalNowMs

/** `001700000000000-000042-<deviceId>`: fixed width, so string order is `compareHlc` order. */
export function encodeHlc(ts: Hlc): string {
  const { wallMs, counter, deviceId } = Hlc.parse(ts)
  return `${String(wallMs).padStart(WALL_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${deviceId}`
}

const ENCODED = new RegExp(`^(\\d{${WALL_DIGITS}})-(\\d{${COUNTER_DIGITS}})-(.+)$`)

export function decodeHlc(encoded: string): Hlc {
  const m = ENCODED.exec(encoded)
  if (!m) throw new RangeError(`not an encoded HLC time: ${encoded}`)
  return Hlc.parse({ wallMs: Number(m[1]), counter: Number(m[2]), deviceId: m[3] })
}
