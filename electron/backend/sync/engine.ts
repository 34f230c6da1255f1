import type { Db } from '../../../db/database'
import { deviceIdentity, saveRoundResult } from '../../../db/sync/deviceIdentity'
import { outboxCounts } from '../../../db/sync/outbox'
import { SyncDataError } from '../../../db/sync/syncDataError'
import type { DerivedIndex } from '../../../db/writePath'
import type { ConnectionState } from '../../../domain/sync/contract'
import { runRound } from './engineRound'
import { type Connection, createSyncHttpClient, type SyncHttpClient } from './httpClient'
import { SyncFailure } from './httpFailure'
import { defaultNumberSeries, type SeriesOfDepartment } from './numbers'
import { listenForPokes, type PokeListener } from './pokes'

export interface EngineStatus {
  connection: ConnectionState
  lastSyncAt: string | null
  /** The last round's failure as an i18n key (`sync.error.<code>`), null after a good round. */
  lastError: string | null
  /** Changes saved here that have not come back from the server yet. */
  pendingChanges: number
  /** Changes the server refused, waiting for a clerk. */
  needsAttention: number
}

export interface SyncEngineOptions {
  db: Db
  derivedIndexes: readonly DerivedIndex[]
  appVersion: string
  getSession: () => string | null
  now?: () => Date
  fetch?: typeof fetch
  /** A round this often while nothing else triggers one (pokes make the PC live in between). */
  intervalMs?: number
  /** The first retry delay after a network failure; doubles up to `maxBackoffMs`, with jitter. */
  retryMs?: number
  maxBackoffMs?: number
  timeoutMs?: number
  numberSeries?: readonly SeriesOfDepartment[]
  /** Pokes from the server's event stream (on by default). */
  pokes?: boolean
  /** Rows per snapshot page (tests use small pages to interrupt a bootstrap). */
  snapshotPageSize?: number
  /** Before each round (sign-ins made offline get their server session here); failures are ignored. */
  beforeRound?: () => Promise<void>
  /** The HTTP client to use (the backend shares one with sign-in and the admin screens). */
  http?: SyncHttpClient
}

export interface SyncEngine {
  start(): void
  stop(): Promise<void>
  /** Runs a round now (after the running one, if any) and resolves when it is over. */
  syncNow(): Promise<void>
  status(): EngineStatus
  onChange(listener: (status: EngineStatus) => void): () => void
}

/** The PC's sync loop: one round at a time, on a timer, on a poke, or on request. */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db } = options
  const now = options.now ?? (() => new Date())
  const intervalMs = options.intervalMs ?? 60_000
  const retryMs = options.retryMs ?? 2_000
  const maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000
  const http: SyncHttpClient =
    options.http ??
    createSyncHttpClient({
      connection: () => connectionOf(db),
      appVersion: options.appVersion,
      getSession: options.getSession,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
    })

  let running = false
  let controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | null = null
  let current: Promise<void> | null = null
  let followUp: Promise<void> | null = null
  let failures = 0
  let connection: ConnectionState = deviceIdentity(db).deviceToken ? 'offline' : 'notEnrolled'
  let updateRequired = false
  let pokes: PokeListener | null = null
  const listeners = new Set<(status: EngineStatus) => void>()

  const status = (): EngineStatus => {
    const id = deviceIdentity(db)
    const counts = outboxCounts(db)
    return {
      connection: !id.deviceToken ? 'notEnrolled' : updateRequired ? 'updateRequired' : connection,
      lastSyncAt: id.lastSyncAt,
      lastError: id.lastError,
      pendingChanges: counts.unconfirmed,
      needsAttention: counts.needsAttention,
    }
  }
  const changed = () => {
    const s = status()
    for (const listener of listeners) listener(s)
  }

  async function round(): Promise<void> {
    let nextDelay = intervalMs
    try {
      await options.beforeRound?.().catch(() => undefined)
      const result = await runRound({
        db,
        http,
        derivedIndexes: options.derivedIndexes,
        numberSeries: options.numberSeries ?? defaultNumberSeries,
        now,
        signal: controller.signal,
        snapshotPage: options.snapshotPageSize,
      })
      if (result.kind === 'notEnrolled') {
        connection = 'notEnrolled'
      } else {
        connection = 'online'
        updateRequired = result.updateRequired
        failures = 0
        const error = updateRequired
          ? 'sync.error.UPDATE_REQUIRED'
          : result.sessionEnded
            ? 'sync.error.UNAUTHENTICATED'
            : null
        saveRoundResult(db, { at: now(), error })
      }
    } catch (error) {
      const failure = asFailure(error)
      if (failure.code === 'UPDATE_REQUIRED') updateRequired = true
      const offline = failure.retryable
      connection = offline ? 'offline' : 'online'
      if (offline) {
        failures += 1
        nextDelay = Math.min(maxBackoffMs, retryMs * 2 ** (failures - 1)) * (0.5 + Math.random() / 2)
      }
      saveRoundResult(db, { at: null, error: failure.messageKey })
    }
    changed()
    // A 426 stops the loop until the application is updated (syncNow may still try).
    if (running && !updateRequired) schedule(nextDelay)
  }

  function schedule(delayMs: number) {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void requestRound()
    }, delayMs)
  }

  /** Starts a round, or queues exactly one more after the running one. */
  function requestRound(): Promise<void> {
    if (!current) {
      current = round().finally(() => {
        current = null
      })
      return current
    }
    if (!followUp) {
      followUp = current.then(() => {
        followUp = null
        return requestRound()
      })
    }
    return followUp
  }

  return {
    start() {
      if (running) return
      running = true
      controller = new AbortController()
      schedule(0)
      if (options.pokes !== false) {
        pokes = listenForPokes({
          http,
          retryMs,
          // A poke starts a pull round at once (coalesced with one already running).
          onPoke: () => void requestRound(),
          onStream: (open) => {
            if (open && connection === 'offline') {
              connection = 'online'
              changed()
            }
          },
        })
      }
    },
    async stop() {
      running = false
      if (timer) clearTimeout(timer)
      timer = null
      controller.abort()
      await pokes?.stop()
      pokes = null
      await followUp?.catch(() => {})
      await current?.catch(() => {})
    },
    syncNow() {
      if (controller.signal.aborted) controller = new AbortController()
      // Sign-in asks for a round too: the poke stream, refused while nobody was signed in, goes now.
      pokes?.retryNow()
      return requestRound()
    },
    status,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

function asFailure(error: unknown): SyncFailure {
  if (error instanceof SyncFailure) return error
  if (error instanceof SyncDataError) return new SyncFailure(error.code, error.message)
  return new SyncFailure('INTERNAL', error instanceof Error ? error.message : String(error))
}

/** Who this PC is towards its server, as the store says now (null while it is not enrolled). */
export function connectionOf(db: Db): Connection | null {
  const id = deviceIdentity(db)
  if (!id.serverUrl) return null
  return {
    serverUrl: id.serverUrl,
    deviceId: id.deviceId,
    deviceToken: id.deviceToken,
    epoch: id.epoch,
    generation: id.serverGeneration,
  }
}
