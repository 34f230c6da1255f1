import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AdminUser } from '../../../../domain/sync/contract'
import type { Scope } from '../../../../domain/sync/protocol'
import { openPostgres } from '../../../../server/db/openPostgres'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'
import type { RunningServer } from '../../../../server/startServer'
import { createTestDatabase, type TestDatabase } from '../../../support/postgres'
import { startTestServer } from '../../../support/serverInstance'
import { call, enrol, errorCode, signIn, signInAdmin } from './client'
import { demoPasswords } from './fixture'

// The same platform on real PostgreSQL, as two instances behind one database (a load balancer's view).

let testDb: TestDatabase
let databases: ServerDatabase[] = []
let servers: RunningServer[] = []
let dataDir: string

beforeAll(async () => {
  testDb = await createTestDatabase()
  dataDir = mkdtempSync(join(tmpdir(), 'rustavi-pg-server-'))
  // Both instances start at once: the migration runs once, under the advisory lock.
  databases = await Promise.all([
    openPostgres(testDb.url, { poolSize: 4 }),
    openPostgres(testDb.url, { poolSize: 4 }),
  ])
  servers = [
    await startTestServer(databases[0]!, { demoDataDir: dataDir }),
    await startTestServer(databases[1]!),
  ]
}, 60_000)

afterAll(async () => {
  for (const server of servers) await server.stop()
  for (const database of databases) await database.close()
  await testDb?.drop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('on real PostgreSQL', () => {
  it('runs its sessions without JIT compilation (it cost 300 ms on a 10 ms snapshot page)', async () => {
    // Four at once, so the pool opens several connections: each must have the setting.
    const shown = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const result = (await databases[0]!.db.execute(sql`SHOW jit`)) as unknown as { rows: unknown[] }
        return result.rows[0]
      }),
    )
    expect(shown).toEqual(Array(4).fill({ jit: 'off' }))
  })

  it('answers /health with one generation from both instances', async () => {
    const [a, b] = await Promise.all(servers.map((s) => call(s.url, 'GET', '/health')))
    expect(a?.status).toBe(200)
    expect(a?.body).toEqual(b?.body)
  })

  it('enrols on one instance and signs in on the other; a session works on both', async () => {
    const [one, two] = servers as [RunningServer, RunningServer]
    const pc = await enrol(one.url, one.demoCode!)
    const session = await signInAdmin(two.url, pc.deviceToken, demoPasswords.admin)
    const list = await call(one.url, 'GET', '/v1/admin/users', { deviceToken: pc.deviceToken, session })
    expect(list.status).toBe(200)
    expect(z.array(AdminUser).parse(list.body)).toHaveLength(4)
    const out = await call(two.url, 'POST', '/v1/auth/logout', { deviceToken: pc.deviceToken, session })
    expect(out.status).toBe(204)
    const after = await call(one.url, 'GET', '/v1/admin/users', { deviceToken: pc.deviceToken, session })
    expect(after.status).toBe(401)
  })

  it('refuses a clerk the admin routes, a used code, a wrong password and a taken username', async () => {
    const [one, two] = servers as [RunningServer, RunningServer]
    const pc = await enrol(one.url, one.demoCode!)
    const admin = {
      deviceToken: pc.deviceToken,
      session: await signInAdmin(one.url, pc.deviceToken, demoPasswords.admin),
    }
    const clerk = {
      deviceToken: pc.deviceToken,
      session: await signIn(two.url, pc.deviceToken, 'clerk', demoPasswords.clerk),
    }
    expect((await call(two.url, 'GET', '/v1/admin/devices', clerk)).status).toBe(403)

    const code = (await call(one.url, 'POST', '/v1/admin/enrolment-codes', admin)).body as { code: string }
    await enrol(two.url, code.code)
    const reused = await call(one.url, 'POST', '/v1/enrol', {
      body: { code: code.code, deviceName: 'x', appVersion: '1' },
    })
    expect(reused.status).toBe(401)

    const wrong = await call(two.url, 'POST', '/v1/auth/login', {
      deviceToken: pc.deviceToken,
      body: { username: 'head', password: 'nope' },
    })
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED')

    const user = {
      username: 'pg.clerk',
      displayName: 'PG',
      role: 'clerk',
      departments: ['property'],
      password: 'Initial-Pass-1',
    }
    expect((await call(one.url, 'POST', '/v1/admin/users', { ...admin, body: user })).status).toBe(201)
    expect((await call(two.url, 'POST', '/v1/admin/users', { ...admin, body: user })).status).toBe(409)
  })

  it('shares the login throttle between instances', async () => {
    const [one, two] = servers as [RunningServer, RunningServer]
    const pc = await enrol(one.url, one.demoCode!)
    for (let i = 0; i < 5; i++) {
      const server = i % 2 === 0 ? one : two
      const reply = await call(server.url, 'POST', '/v1/auth/login', {
        deviceToken: pc.deviceToken,
        body: { username: 'auditor', password: 'wrong' },
      })
      expect(reply.status).toBe(401)
    }
    const locked = await call(one.url, 'POST', '/v1/auth/login', {
      deviceToken: pc.deviceToken,
      body: { username: 'auditor', password: demoPasswords.auditor },
    })
    expect(locked.status).toBe(429)
  })

  it('carries a poke sent through one instance to the onPoke listeners of the other (LISTEN/NOTIFY)', async () => {
    const [one, two] = servers as [RunningServer, RunningServer]
    const seen: [Scope, number][] = []
    const received = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no poke within 3 s')), 3_000)
      const off = two.ctx.onPoke((scope, seq) => {
        seen.push([scope, seq])
        clearTimeout(timer)
        off()
        resolve()
      })
    })
    await one.ctx.notify('property', 1234)
    await received
    expect(seen).toEqual([['property', 1234]])
  })

  it('answers 503 UNAVAILABLE, not 500, when its database is gone', async () => {
    const broken = await openPostgres(testDb.url, { poolSize: 1 })
    const server = await startTestServer(broken)
    try {
      await broken.close()
      const reply = await call(server.url, 'GET', '/health')
      expect(reply.status).toBe(503)
      expect(errorCode(reply)).toBe('UNAVAILABLE')
    } finally {
      await server.stop()
    }
  })
})
