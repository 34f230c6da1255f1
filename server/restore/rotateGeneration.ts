import { eq, isNull, sql } from 'drizzle-orm'
import { v4 as uuidv4 } from 'uuid'
import type { ServerDb } from '../context'
import { devices, serverMeta } from '../db/schema'
import { skipNumbersLeasedAfterBackup } from '../numbers/skipAfterRestore'
import { lockCounter } from '../sync/sequence'

export interface Rotation {
  generation: string
  /** False when another request rotated first (the generation had changed before the lock). */
  rotated: boolean
  restoredAtSeq: number | null
}

/**
 * The database was restored from a backup: everything after the backup is gone from it, though PCs
 * had it acknowledged. In one transaction: a new generation (every PC then snapshots again and sends
 * every change it kept, see electron/backend/sync/engineRound.ts), the change-log position the
 * replayed changes merge against, a new epoch for every PC (their sequence numbers start again
 * clean), and number series moved past what may have been leased after the backup.
 *
 * `ifGeneration`: rotate only if the generation is still this one. The meta row is locked first, so
 * of several hellos that found the same restore at once, one rotates and the rest see it done.
 */
export async function rotateGeneration(
  db: ServerDb,
  now: Date,
  options: { ifGeneration?: string } = {},
): Promise<Rotation> {
  return db.transaction(async (tx) => {
    const [meta] = await tx
      .select({
        generation: serverMeta.generation,
        previous: serverMeta.previousGenerations,
        restoredAtSeq: serverMeta.restoredAtSeq,
      })
      .from(serverMeta)
      .where(eq(serverMeta.id, 1))
      .for('update')
    if (!meta) throw new Error('server_meta has no generation')
    if (options.ifGeneration !== undefined && meta.generation !== options.ifGeneration) {
      return { generation: meta.generation, rotated: false, restoredAtSeq: meta.restoredAtSeq }
    }
    // The counter lock also waits for pushes in flight, so the position is the log's true end.
    const counter = await lockCounter(tx)
    const generation = uuidv4()
    await tx
      .update(serverMeta)
      .set({
        generation,
        previousGenerations: sql`array_append(${serverMeta.previousGenerations}, ${meta.generation}::uuid)`,
        restoredAtSeq: counter.seq,
        restoredAt: now,
      })
      .where(eq(serverMeta.id, 1))
    await tx
      .update(devices)
      .set({ epoch: sql`${devices.epoch} + 1`, lastSeq: 0 })
      .where(isNull(devices.revokedAt))
    await skipNumbersLeasedAfterBackup(tx, now)
    return { generation, rotated: true, restoredAtSeq: counter.seq }
  })
}
