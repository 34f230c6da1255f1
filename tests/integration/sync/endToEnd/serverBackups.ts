import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { openPostgres } from '../../../../server/db/openPostgres'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'
import { createTestDatabase, dumpDatabase, restoreDump, type TestDatabase } from '../../../support/postgres'
import { openTemplatePglite, pgliteDatabase } from './pgliteTemplate'

// Backups of the central server's database taken as an operator would, and restores from them:
// PGlite's whole data folder dumped while the server runs, or pg_dump / pg_restore on PostgreSQL.

export interface ServerBackups {
  /** A new, empty server database. */
  open(): Promise<ServerDatabase>
  /** A backup of `database` as it is now; the function makes a new database restored from it. */
  take(database: ServerDatabase): Promise<() => Promise<ServerDatabase>>
  close(): Promise<void>
}

export function pgliteBackups(): ServerBackups {
  return {
    open: openTemplatePglite,
    async take(database) {
      const client = (database.db as unknown as { $client: PGlite }).$client
      const image = await client.dumpDataDir('none')
      return async () => pgliteDatabase(await PGlite.create({ loadDataDir: image }))
    },
    async close() {},
  }
}

export function postgresBackups(): ServerBackups {
  const urls = new Map<ServerDatabase, string>()
  const made: TestDatabase[] = []
  const dir = mkdtempSync(join(tmpdir(), 'rustavi-pg-backup-'))
  const opened = async (testDb: TestDatabase) => {
    made.push(testDb)
    const database = await openPostgres(testDb.url, { poolSize: 4 })
    urls.set(database, testDb.url)
    return database
  }
  return {
    open: async () => opened(await createTestDatabase()),
    async take(database) {
      const url = urls.get(database)
      if (!url) throw new Error('Not a database these backups opened')
      const file = join(dir, `backup-${made.length}-${Date.now()}.dump`)
      await dumpDatabase(url, file)
      return async () => opened(await restoreDump(file))
    },
    async close() {
      for (const testDb of made) await testDb.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
