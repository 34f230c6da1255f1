import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { demoUsers } from '../../domain/auth/demoUsers'
import type { Result } from '../../domain/errors'
import type { SyncOverview } from '../../domain/sync/contract'
import { type Backend, type BackendOptions, startBackend } from '../../electron/backend/startBackend'
import { migrationsFolder } from './tempStore'

// One office PC for end-to-end sync tests: its own SQLite file in a temp folder, enrolled with a
// real server through startBackend, with a demo user signed in through dispatch as the app does.

export type DemoUsername = 'admin' | 'clerk' | 'head' | 'auditor'

export interface SyncedPcOptions {
  serverUrl: string
  enrolCode: string
  /** Signed in at start and used by `call` (default: the clerk); null signs nobody in. */
  user?: DemoUsername | null
  /** An existing PC's folder, to start that PC again (its enrolment and data are kept). */
  dir?: string
  appVersion?: string
  deviceName?: string
  /** Quick by default: no timer rounds (pokes and explicit syncs drive the PC), short retries. */
  sync?: BackendOptions['sync']
}

export interface SyncedPc {
  backend: Backend
  dir: string
  /** The SQLite file. */
  file: string
  /** The session of the user signed in at start (empty when none was). */
  session: string
  call(name: string, input: unknown, session?: string): Promise<Result<unknown>>
  /** The call's data; throws with the error code when it failed. */
  ok<T = unknown>(name: string, input: unknown, session?: string): Promise<T>
  signIn(username: DemoUsername): Promise<string>
  /** A round now (through the app's own call) and the status after it. */
  syncNow(session?: string): Promise<SyncOverview>
  /** Outbox rows, in device-sequence order. */
  outbox(): Record<string, unknown>[]
  /** Closes the backend; the folder stays, so the PC can be started again with `dir`. */
  stop(): Promise<void>
  /** Closes the backend and removes the folder. */
  close(): Promise<void>
}

export const quickSync: NonNullable<BackendOptions['sync']> = {
  intervalMs: 60_000,
  retryMs: 100,
  maxBackoffMs: 500,
  timeoutMs: 5_000,
}

let sessionCounter = 0

export async function startSyncedPc(options: SyncedPcOptions): Promise<SyncedPc> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'rustavi-pc-'))
  const backend = await startBackend({
    userDataDir: dir,
    migrationsFolder,
    serverUrl: options.serverUrl,
    enrolCode: options.enrolCode,
    deviceName: options.deviceName ?? 'Test PC',
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
    sync: { ...quickSync, ...options.sync },
  })
  let closed = false
  const call = (name: string, input: unknown, session = pc.session) =>
    backend.dispatch({ sessionKey: session }, name, input)
  const pc: SyncedPc = {
    backend,
    dir,
    file: join(dir, 'rustavi.db'),
    session: '',
    call,
    async ok<T>(name: string, input: unknown, session?: string) {
      const result = await call(name, input, session)
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`)
      return result.data as T
    },
    async signIn(username) {
      const sessionKey = `pc:${++sessionCounter}`
      const password = demoUsers.find((u) => u.username === username)!.password
      const result = await backend.dispatch({ sessionKey }, 'auth.signIn', { username, password })
      if (!result.ok) throw new Error(`sign-in of ${username} failed: ${result.error.code}`)
      return sessionKey
    },
    syncNow: (session) => pc.ok<SyncOverview>('sync.syncNow', {}, session),
    outbox: () => backend.db.$client.prepare('SELECT * FROM outbox ORDER BY seq').all() as never,
    async stop() {
      if (closed) return
      closed = true
      await backend.close()
    },
    async close() {
      await pc.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  try {
    const user = options.user === undefined ? 'clerk' : options.user
    if (user) {
      pc.session = await pc.signIn(user)
      // Sign-in starts a round; this one runs after it, so the PC has bootstrapped when start resolves.
      await pc.syncNow()
    }
  } catch (error) {
    await pc.stop()
    throw error
  }
  return pc
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 3_000,
  what = 'the condition',
): Promise<T> {
  const until = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined && value !== false) return value
    } catch (error) {
      last = error
    }
    if (Date.now() > until) {
      throw new Error(`${what} did not happen within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
