import { eq } from 'drizzle-orm'
import type { HelloRequest } from '../../domain/sync/protocol'
import type { ServerContext } from '../context'
import { devices } from '../db/schema'
import { ensureServerGeneration, readServerMeta } from '../db/serverMeta'
import { readCounter } from '../sync/sequence'
import { type RestoreEvidence, restoreEvidence } from './restoreEvidence'
import { rotateGeneration } from './rotateGeneration'

/**
 * At a PC's hello: if what the PC knows proves the database was restored from a backup that nobody
 * announced with `--after-restore`, the generation rotates now (once, however many PCs say so at
 * the same moment). Returns the generation to answer with.
 */
export async function detectRestoreAtHello(
  ctx: ServerContext,
  deviceId: string,
  hello: HelloRequest,
): Promise<{ generation: string; evidence: RestoreEvidence | null }> {
  const now = ctx.now()
  await ensureServerGeneration(ctx.db, now)
  const meta = await readServerMeta(ctx.db)
  if (!meta) throw new Error('server_meta has no generation')
  const [device] = await ctx.db
    .select({ epoch: devices.epoch, lastSeq: devices.lastSeq })
    .from(devices)
    .where(eq(devices.id, deviceId))
  if (!device) throw new Error('An authenticated device has no row')
  const { seq: logEnd } = await readCounter(ctx.db)
  const evidence = restoreEvidence(hello, meta, device, logEnd)
  if (!evidence) return { generation: meta.generation, evidence }
  const rotation = await rotateGeneration(ctx.db, now, { ifGeneration: meta.generation })
  return { generation: rotation.generation, evidence }
}
