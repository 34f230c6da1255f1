import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'
import type { RunningServer } from '../../../../server/startServer'
import { type NetworkSwitch, startNetworkSwitch } from '../../../support/networkSwitch'
import { startTestServer } from '../../../support/serverInstance'
import { type SyncedPc, type SyncedPcOptions, startSyncedPc } from '../../../support/syncedPc'
import { openTemplatePglite } from './pgliteTemplate'

// The demo central server as a municipality would run it (demo users, a reusable enrolment code,
// Rustavi's territorial units), in this process on a random port, and PCs enrolled with it, each
// behind its own network switch so a test can take it offline.

export interface E2eServer {
  server: RunningServer
  database: ServerDatabase
  url: string
  code: string
  /** A PC behind its own switch; closed with the server. */
  startPc(options?: Omit<SyncedPcOptions, 'serverUrl' | 'enrolCode'>): Promise<OnlinePc>
  /**
   * The server put back from a backup: this one stops, its database closes, and a new server on
   * `restored` takes its place behind every PC's switch (their connections to the old one are cut).
   * `afterRestore`: started as `npm run server -- --after-restore` (the documented procedure).
   */
  replaceDatabase(restored: ServerDatabase, options?: { afterRestore?: boolean }): Promise<void>
  close(): Promise<void>
}

export interface OnlinePc extends SyncedPc {
  network: NetworkSwitch
}

export async function startE2eServer(given?: ServerDatabase): Promise<E2eServer> {
  const database = given ?? (await openTemplatePglite())
  const dataDir = mkdtempSync(join(tmpdir(), 'rustavi-e2e-server-'))
  const server = await startTestServer(database, { demoDataDir: dataDir })
  if (!server.demoCode) throw new Error('The demo server made no enrolment code')
  const pcs: OnlinePc[] = []
  const e2e: E2eServer = {
    server,
    database,
    url: server.url,
    code: server.demoCode,
    async startPc(options = {}) {
      const network = await startNetworkSwitch(e2e.url)
      const pc = await startSyncedPc({ ...options, serverUrl: network.url, enrolCode: e2e.code })
      const online = Object.assign(pc, { network })
      pcs.push(online)
      return online
    },
    async replaceDatabase(restored, options = {}) {
      await e2e.server.stop()
      await e2e.database.close()
      e2e.database = restored
      e2e.server = await startTestServer(restored, options)
      e2e.url = e2e.server.url
      for (const pc of pcs) {
        pc.network.retarget(e2e.url)
        pc.network.unplug()
        pc.network.plug()
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    },
    async close() {
      for (const pc of pcs) {
        await pc.close()
        await pc.network.close()
      }
      await e2e.server.stop()
      await e2e.database.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return e2e
}
