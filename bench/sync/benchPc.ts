import { join } from 'node:path'
import type { Db } from '../../db/database'
import { maintainWhenIdle } from '../../db/maintenance'
import { openDatabase } from '../../db/openDatabase'
import { mergePropertySearchStep, propertySearchIndex } from '../../db/property/searchIndex'
import { saveEnrolment } from '../../db/sync/deviceIdentity'
import { createWritePath, type WritePath } from '../../db/writePath'
import { demoUsers } from '../../domain/auth/demoUsers'
import { connectionOf, createSyncEngine, type SyncEngine } from '../../electron/backend/sync/engine'
import { type RoundResult, runRound } from '../../electron/backend/sync/engineRound'
import { createSyncHttpClient, type SyncHttpClient } from '../../electron/backend/sync/httpClient'
import { defaultNumberSeries } from '../../electron/backend/sync/numbers'
import { migrationsFolder } from '../context'

const APP_VERSION = '0.1.0'

/** A fresh office PC: its own store, enrolled with the server, the demo clerk signed in. */
export interface BenchPc {
  db: Db
  file: string
  write: WritePath
  http: SyncHttpClient
  session: string
  userId: string
  /** One sync round exactly as the engine runs it (hello, push, pull or bootstrap, numbers). */
  round(): Promise<RoundResult>
  /** The app's sync loop, with pokes, for the live benchmarks. */
  engine(options?: { intervalMs?: number }): SyncEngine
  close(): Promise<void>
}

export async function enrolBenchPc(
  dir: string,
  serverUrl: string,
  code: string,
  name: string,
  username: 'clerk' | 'head' = 'clerk',
): Promise<BenchPc> {
  const file = join(dir, 'rustavi.db')
  const db = openDatabase(file, { migrationsFolder })
  const derivedIndexes = [propertySearchIndex]
  const write = createWritePath(db, { derivedIndexes })
  let session: string | null = null
  const http = createSyncHttpClient({
    connection: () => connectionOf(db),
    appVersion: APP_VERSION,
    getSession: () => session,
    timeoutMs: 120_000,
  })
  const enrolled = await http.enrol(serverUrl, { code, deviceName: name, appVersion: APP_VERSION })
  saveEnrolment(db, {
    serverUrl,
    deviceId: enrolled.deviceId,
    deviceToken: enrolled.deviceToken,
    epoch: enrolled.epoch,
    generation: enrolled.serverGeneration,
  })
  const user = demoUsers.find((u) => u.username === username)!
  const login = await http.login({ username, password: user.password })
  session = login.sessionToken
  const signal = new AbortController().signal
  // As startBackend wires it: automatic checkpoints are off, the idle upkeep moves the WAL on.
  const stopMaintenance = maintainWhenIdle(db, [mergePropertySearchStep])
  return {
    db,
    file,
    write,
    http,
    session,
    userId: login.user.id,
    round: () =>
      runRound({
        db,
        http,
        derivedIndexes,
        numberSeries: defaultNumberSeries,
        now: () => new Date(),
        signal,
      }),
    engine: (options = {}) =>
      createSyncEngine({
        db,
        derivedIndexes,
        appVersion: APP_VERSION,
        getSession: () => session,
        http,
        intervalMs: options.intervalMs ?? 60_000,
        retryMs: 200,
      }),
    close: async () => {
      await stopMaintenance()
      db.$client.close()
    },
  }
}
