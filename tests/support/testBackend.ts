import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { demoUsers } from '../../domain/auth/demoUsers'
import type { Result } from '../../domain/errors'
import { type Backend, startBackend } from '../../electron/backend/startBackend'
import { migrationsFolder, tempDir } from './tempStore'

export interface TestBackend {
  backend: Backend
  dir: string
  /** Calls as the given session; returns the Result value the transport would carry. */
  call(sessionKey: string, name: string, input: unknown): Promise<Result<unknown>>
  /** Signs a demo user in on a new session and returns the session key. */
  signIn(username: 'admin' | 'clerk' | 'head' | 'auditor'): Promise<string>
  /** SHA-256 of the database file after a full checkpoint: equal snapshots mean equal bytes. */
  snapshot(): string
  close(): Promise<void>
}

let sessionCounter = 0

export async function startTestBackend(
  options: {
    demoObjects?: number
    demoPayers?: { households: number; organisations: number }
    now?: () => Date
  } = {},
): Promise<TestBackend> {
  const { dir, remove } = tempDir('rustavi-backend-')
  const backend = await startBackend({
    userDataDir: dir,
    migrationsFolder,
    demoObjects: options.demoObjects ?? 0,
    ...(options.demoPayers ? { demoPayers: options.demoPayers } : {}),
    ...(options.now ? { now: options.now } : {}),
  })
  const call = (sessionKey: string, name: string, input: unknown) =>
    backend.dispatch({ sessionKey }, name, input)
  return {
    backend,
    dir,
    call,
    async signIn(username) {
      const sessionKey = `test:${++sessionCounter}`
      const password = demoUsers.find((u) => u.username === username)!.password
      const result = await call(sessionKey, 'auth.signIn', { username, password })
      if (!result.ok) throw new Error(`sign-in of ${username} failed: ${result.error.code}`)
      return sessionKey
    },
    snapshot() {
      backend.db.$client.pragma('wal_checkpoint(TRUNCATE)')
      return createHash('sha256')
        .update(readFileSync(join(dir, 'rustavi.db')))
        .digest('hex')
    },
    async close() {
      await backend.close()
      remove()
    },
  }
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.data
}
