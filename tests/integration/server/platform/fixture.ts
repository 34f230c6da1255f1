import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openPglite } from '../../../../server/db/openPglite'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'
import type { RunningServer } from '../../../../server/startServer'
import { startTestServer } from '../../../support/serverInstance'

export interface PlatformFixture {
  url: string
  server: RunningServer
  database: ServerDatabase
  dataDir: string
  demoCode: string
  /** Moves the server's clock on (expiry and throttling windows). */
  advance(ms: number): void
  close(): Promise<void>
}

/** One in-memory PGlite with the demo users, served on a random port; share it across a file. */
export async function startPlatform(database?: ServerDatabase): Promise<PlatformFixture> {
  const db = database ?? (await openPglite())
  const dataDir = mkdtempSync(join(tmpdir(), 'rustavi-server-'))
  let offsetMs = 0
  const server = await startTestServer(db, {
    now: () => new Date(Date.now() + offsetMs),
    demoDataDir: dataDir,
  })
  if (!server.demoCode) throw new Error('The demo seed made no enrolment code')
  return {
    url: server.url,
    server,
    database: db,
    dataDir,
    demoCode: server.demoCode,
    advance(ms) {
      offsetMs += ms
    },
    async close() {
      await server.stop()
      await db.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const demoPasswords = {
  admin: 'Rustavi-Admin-2026',
  clerk: 'Rustavi-Clerk-2026',
  head: 'Rustavi-Head-2026',
  auditor: 'Rustavi-Auditor-2026',
} as const
