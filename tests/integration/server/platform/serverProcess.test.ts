import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../../support/postgres'
import { type ServerProcess, startServerProcess } from '../../../support/serverInstance'
import { call, enrol, signIn } from './client'
import { demoPasswords } from './fixture'

// `npm run server` as the launcher and the fault harness use it: a child process.

let dataDir: string
const running: ServerProcess[] = []
const start = async (options: Parameters<typeof startServerProcess>[0]) => {
  const server = await startServerProcess(options)
  running.push(server)
  return server
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'rustavi-server-process-'))
})
afterAll(async () => {
  for (const server of running) server.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

describe('server/main.ts on embedded PGlite', () => {
  it('starts with --demo, survives kill -9, and stops cleanly on SIGTERM keeping its data', async () => {
    const first = await start({ dataDir, demo: true })
    const code = readFileSync(join(dataDir, 'demo-enrolment-code'), 'utf8').trim()
    expect(first.output()).toContain(code)
    const health = await call(first.url, 'GET', '/health')
    expect(health.status).toBe(200)
    const pc = await enrol(first.url, code)

    first.kill('SIGKILL')
    expect(await first.exited).toBeNull()

    const second = await start({ dataDir, demo: true })
    expect((await call(second.url, 'GET', '/health')).body).toEqual(health.body)
    expect(readFileSync(join(dataDir, 'demo-enrolment-code'), 'utf8').trim()).toBe(code)
    // The PC enrolled before the crash still is.
    await signIn(second.url, pc.deviceToken, 'clerk', demoPasswords.clerk)
    // A second server on the same data folder would corrupt it: it refuses to start.
    await expect(startServerProcess({ dataDir })).rejects.toThrow(/Another server \(pid \d+\) is using/)

    second.kill('SIGTERM')
    expect(await second.exited).toBe(0)
    expect(second.output()).toContain('SIGTERM')
    await expect(fetch(`${second.url}/health`)).rejects.toThrow()
  }, 120_000)
})

describe('server/main.ts --after-restore', () => {
  it('gives a data folder put back from a copy a new generation, once', async () => {
    const live = join(dataDir, 'restore-live')
    const copy = join(dataDir, 'restore-copy')
    const generationOf = async (server: ServerProcess) =>
      ((await call(server.url, 'GET', '/health')).body as { generation: string }).generation
    // A clean stop (the copy must be of a closed database), once the server has answered a request.
    const stop = async (server: ServerProcess) => {
      await generationOf(server)
      server.kill('SIGTERM')
      expect(await server.exited).toBe(0)
    }
    const first = await start({ dataDir: live })
    const backedUp = await generationOf(first)
    await stop(first)
    // The backup: the data folder copied while the server is stopped; later it is put back.
    cpSync(live, copy, { recursive: true })
    await stop(await start({ dataDir: live }))
    rmSync(live, { recursive: true, force: true })
    cpSync(copy, live, { recursive: true })

    const restored = await start({ dataDir: live, extraArgs: ['--after-restore'] })
    expect(restored.output()).toMatch(/After a restore: new generation [0-9a-f-]{36}/)
    const rotated = await generationOf(restored)
    expect(rotated).not.toBe(backedUp)
    await stop(restored)
    // The next ordinary start keeps it.
    const again = await start({ dataDir: live })
    expect(await generationOf(again)).toBe(rotated)
    await stop(again)
  }, 180_000)
})

describe('server/main.ts on PostgreSQL (DATABASE_URL)', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  }, 60_000)
  afterAll(() => database?.drop())

  it('uses the database at DATABASE_URL and says so', async () => {
    const server = await start({
      dataDir: join(dataDir, 'pg'),
      demo: true,
      env: { DATABASE_URL: database.url },
    })
    expect(server.output()).toContain('PostgreSQL')
    const code = readFileSync(join(dataDir, 'pg', 'demo-enrolment-code'), 'utf8').trim()
    const pc = await enrol(server.url, code)
    await signIn(server.url, pc.deviceToken, 'head', demoPasswords.head)
    server.kill('SIGTERM')
    expect(await server.exited).toBe(0)
  }, 60_000)

  it('refuses a bad command line with a usage message and exit code 2', async () => {
    await expect(
      startServerProcess({ dataDir, env: {}, timeoutMs: 30_000, extraArgs: ['--port', 'many'] }),
    ).rejects.toThrow(/exited \(2\)[\s\S]*Usage/)
  }, 60_000)
})
