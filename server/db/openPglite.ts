import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { lockDataDir } from './dataDirLock'
import type { ServerDatabase } from './serverDatabase'
import { serverMigrationsFolder } from './serverDatabase'

/**
 * Embedded PostgreSQL (PGlite) in `dataDir`, or in memory when it is omitted (tests). It is one
 * connection in this process, so a NOTIFY reaches only this instance's listeners, which is all there
 * is: several server instances need real PostgreSQL.
 */
export async function openPglite(dataDir?: string): Promise<ServerDatabase> {
  let unlock = () => {}
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true })
    unlock = lockDataDir(dataDir)
  }
  let client: PGlite
  try {
    client = await PGlite.create(dataDir)
  } catch (error) {
    unlock()
    throw error
  }
  const db = drizzle({ client })
  try {
    await migrate(db, { migrationsFolder: serverMigrationsFolder })
  } catch (error) {
    await client.close()
    unlock()
    throw error
  }
  return {
    db,
    kind: 'pglite',
    async listen(channel, onPayload) {
      const unlisten = await client.listen(channel, onPayload)
      return () => unlisten()
    },
    async notify(channel, payload) {
      await db.execute(sql`SELECT pg_notify(${channel}, ${payload})`)
    },
    async close() {
      await client.close()
      unlock()
    },
  }
}
