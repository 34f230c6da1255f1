import { randomFillSync } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'

/**
 * UUIDv7 row and mutation ids with their random bits drawn from a pooled buffer: uuid's default asks
 * crypto for 16 bytes per id, which costs about 4 µs each here and adds up in bulk loads.
 */
const pool = Buffer.alloc(16 * 4_096)
let at = pool.length

export function newId(): string {
  if (at === pool.length) {
    randomFillSync(pool)
    at = 0
  }
  const random = pool.subarray(at, at + 16)
  at += 16
  return uuidv7({ random })
}
