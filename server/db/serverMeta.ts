import { eq } from 'drizzle-orm'
import { v4 as uuidv4 } from 'uuid'
import type { ServerDb } from '../context'
import { serverMeta } from './schema'

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

export async function readServerGeneration(db: ServerDb): Promise<string | null> {
  const [row] = await db
    .select({ generation: serverMeta.generation })
    .from(serverMeta)
    .where(eq(serverMeta.id, 1))
  return row?.generation ?? null
}
