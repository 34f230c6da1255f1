import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { takeNumber } from '../../../../db/sync/numberPool'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'
import type { RunningServer } from '../../../../server/startServer'
import { startTestServer } from '../../../support/serverInstance'
import { type SyncedPc, startSyncedPc } from '../../../support/syncedPc'
import { openTemplatePglite } from './pgliteTemplate'

// Document numbers carry the year in Tbilisi (UTC+4): on 31 December after 20:00 UTC the server
// already leases next year's numbers. A PC must count that block as this year's, or it asks for a
// new block every round until midnight UTC.

const serverTime = Date.parse('2026-12-31T21:00:00Z')
const offset = serverTime - Date.now()

let database: ServerDatabase
let server: RunningServer
let pc: SyncedPc
let dataDir: string
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rustavi-new-year-'))
  database = await openTemplatePglite()
  server = await startTestServer(database, { demoDataDir: dataDir, now: () => new Date(Date.now() + offset) })
  pc = await startSyncedPc({ serverUrl: server.url, enrolCode: server.demoCode! })
}, 60_000)
afterAll(async () => {
  await pc?.close()
  await server?.stop()
  await database?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

it('on New Year’s Eve evening a PC keeps the one block of next year’s numbers it leased', async () => {
  await pc.syncNow()
  await pc.syncNow()
  const blocks = pc.backend.db.$client
    .prepare('SELECT series, year, from_no AS "from", to_no AS "to" FROM number_pool')
    .all()
  // The demo users are in property and sanitation: a block of each series they issue, next year's.
  expect(blocks).toEqual([
    { series: 'contract', year: 2027, from: 1, to: 50 },
    { series: 'receipt', year: 2027, from: 1, to: 50 },
  ])
  expect(takeNumber(pc.backend.db, 'contract', 'property', 2027, new Date(serverTime))).toBe('ხშ-2027-000001')
})
