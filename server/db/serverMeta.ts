import { eq } from 'drizzle-orm'
import { v4 as uuidv4 } from 'uuid'
import type { ServerDb } from '../context'
import type { Queryable } from '../sync/syncTx'
import { serverMeta } from './schema'

export interface ServerMeta {
  generation: string
  previousGenerations: string[]
  /** The change-log position when the last restore from a backup was found (null: never restored). */
  restoredAtSeq: number | null
}

/** Makes the server's generation on first start (safe when several instances start at once). */
export async function ensureServerGeneration(db: ServerDb, now: Date): Promise<string> {
  await db
    .insert(serverMeta)
    .values({ id: 1, generation: uuidv4(), createdAt: now })
    .onConflictDoNothing({ target: serverMeta.id })
  const generation = await readServerGeneration(db)
  if (!generation) throw new Error('server_meta has no generation')
  return generation
}

export async function readServerGeneration(db: Queryable): Promise<string | null> {
  return (await readServerMeta(db))?.generation ?? null
}

export async function readServerMeta(db: Queryable): Promise<ServerMeta | null> {
  const [row] = await db
    .select({
      generation: serverMeta.generation,
      previousGenerations: serverMeta.previousGenerations,
      restoredAtSeq: serverMeta.restoredAtSeq,
    })
    .from(serverMeta)
    .where(eq(serverMeta.id, 1))
  return row ?? null
}
