import { readFileSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Db } from '../../db/database'
import { openDatabase } from '../../db/openDatabase'
import { propertySearchIndex } from '../../db/property/searchIndex'
import { deviceIdentity, saveEnrolment } from '../../db/sync/deviceIdentity'
import { takeNumber } from '../../db/sync/numberPool'
import { outboxCounts } from '../../db/sync/outbox'
import { allScopeStates } from '../../db/sync/scopeState'
import { createWritePath } from '../../db/writePath'
import { demoUsers } from '../../domain/auth/demoUsers'
import { connectionOf, createSyncEngine, type SyncEngine } from '../../electron/backend/sync/engine'
import { createSyncHttpClient } from '../../electron/backend/sync/httpClient'
import { migrationsFolder } from '../support/tempStore'
import type { AckedMutation, PcConfig, PcLine, PcRequest, PcStatus } from './pcProtocol'

// One simulated office PC as its own process, so `kill -9` can hit it anywhere, mid-transaction
// included: its own SQLite file, the real write path and the real sync engine (pokes on), its clock
// skewed. The harness sends commands on stdin (tests/fault/pcProtocol.ts); it answers on stdout.

const config = JSON.parse(process.argv[2] ?? '') as PcConfig
const now = () => new Date(Date.now() + config.skewMs)
const clerk = demoUsers.find((u) => u.username === 'clerk')!
const actor = { userId: clerk.id, userName: clerk.fullName }
const sessionFile = `${config.dbFile}.session`

const db: Db = openDatabase(config.dbFile, { migrationsFolder })
const derivedIndexes = [propertySearchIndex]
const write = createWritePath(db, { derivedIndexes, now })
let session: string | null = readSession()
const http = createSyncHttpClient({
  connection: () => connectionOf(db),
  appVersion: '0.1.0',
  getSession: () => session,
  timeoutMs: config.timeoutMs,
})
let engine: SyncEngine | null = null

const send = (line: PcLine) => process.stdout.write(`${JSON.stringify(line)}\n`)

function readSession(): string | null {
  try {
    return readFileSync(sessionFile, 'utf8').trim() || null
  } catch {
    return null
  }
}

const selectNewOutbox = db.$client.prepare(
  `SELECT seq, mutation_id AS mutationId, entity, row_id AS rowId, op, fields, base_versions AS baseVersions
   FROM outbox WHERE seq > ? ORDER BY seq`,
)

/** The outbox rows a save just committed (nothing else runs between the save and this read). */
function committedSince(lastSeq: number): AckedMutation[] {
  const generation = deviceIdentity(db).serverGeneration
  return (selectNewOutbox.all(lastSeq) as Record<string, string | number>[]).map((r) => ({
    mutationId: String(r.mutationId),
    seq: Number(r.seq),
    entity: String(r.entity),
    rowId: String(r.rowId),
    op: r.op as AckedMutation['op'],
    fields: JSON.parse(String(r.fields)) as Record<string, unknown>,
    baseVersions: JSON.parse(String(r.baseVersions)) as Record<string, number | null>,
    generation,
  }))
}

function status(): PcStatus {
  const counts = outboxCounts(db)
  const engineStatus = engine?.status()
  return {
    deviceId: deviceIdentity(db).deviceId,
    unconfirmed: counts.unconfirmed,
    needsAttention: counts.needsAttention,
    cursors: Object.fromEntries(
      allScopeStates(db.$client).map((s) => [s.scope, s.state === 'live' ? s.cursorSeq : -1]),
    ),
    connection: engineStatus?.connection ?? 'stopped',
    lastError: engineStatus?.lastError ?? deviceIdentity(db).lastError,
  }
}

async function handle(request: PcRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'enrol': {
      const answer = await http.enrol(request.serverUrl, {
        code: request.code,
        deviceName: request.deviceName,
        appVersion: '0.1.0',
      })
      saveEnrolment(db, {
        serverUrl: request.serverUrl,
        deviceId: answer.deviceId,
        deviceToken: answer.deviceToken,
        epoch: answer.epoch,
        generation: answer.serverGeneration,
      })
      return { deviceId: answer.deviceId }
    }
    case 'login': {
      const answer = await http.login({ username: request.username, password: request.password })
      session = answer.sessionToken
      writeFileSync(sessionFile, session)
      return {}
    }
    case 'start': {
      engine ??= createSyncEngine({
        db,
        derivedIndexes,
        appVersion: '0.1.0',
        getSession: () => session,
        now,
        http,
        intervalMs: config.intervalMs,
        retryMs: 100,
        maxBackoffMs: 1_000,
        pokes: config.pokes,
      })
      engine.start()
      return {}
    }
    case 'write': {
      // A save the write path refuses (a row this PC does not have yet) changes nothing; the next goes on.
      const refused: string[] = []
      for (const changes of request.saves) {
        const before = deviceIdentity(db).lastSeq
        try {
          write(actor, changes)
        } catch (error) {
          refused.push(String((error as { code?: unknown }).code ?? 'ERROR'))
          continue
        }
        send({ id: request.id, ack: committedSince(before) })
      }
      return { refused }
    }
    case 'lease': {
      const client = db.$client
      const before = deviceIdentity(db).lastSeq
      // The number is used exactly when the lease is saved: one transaction for both.
      const number = client.transaction(() => {
        const serverNow = new Date(now().getTime() + deviceIdentity(db).clockOffsetMs)
        const contractNumber = takeNumber(db, 'contract', 'property', serverNow.getUTCFullYear(), serverNow)
        write(actor, [
          {
            op: 'insert',
            entity: 'propertyLease',
            id: request.rowId,
            values: { ...request.values, contractNumber },
          },
        ])
        return contractNumber
      })()
      send({ id: request.id, ack: committedSince(before), number })
      return { number }
    }
    case 'sync':
      if (!engine) throw Object.assign(new Error('the engine is not started'), { code: 'NOT_STARTED' })
      await engine.syncNow()
      return status()
    case 'status':
      return status()
    case 'backup':
      db.$client.prepare('VACUUM INTO ?').run(request.to)
      return {}
    case 'liveIds':
      return db.$client
        .prepare(`SELECT id FROM ${request.table} WHERE deleted_at IS NULL ORDER BY id`)
        .pluck()
        .all()
    case 'stop':
      await engine?.stop()
      db.$client.close()
      send({ id: request.id, ok: true })
      process.exit(0)
  }
}

// Commands run one at a time, in order, like a clerk's clicks; sync rounds run beside them.
let queue: Promise<void> = Promise.resolve()
createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line) as PcRequest
  queue = queue.then(async () => {
    try {
      send({ id: request.id, ok: true, data: await handle(request) })
    } catch (error) {
      const e = error as { code?: unknown; message?: unknown }
      send({ id: request.id, ok: false, code: String(e.code ?? 'ERROR'), message: String(e.message ?? e) })
    }
  })
})
process.stdin.on('end', () => process.exit(0))
send({ ready: true, deviceId: deviceIdentity(db).deviceId })
