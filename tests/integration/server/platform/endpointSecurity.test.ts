import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoUsers } from '../../../../domain/auth/demoUsers'
import {
  changeLog,
  devices,
  enrolmentCodes,
  mutationLog,
  numberLease,
  record,
  sessions,
  users,
} from '../../../../server/db/schema'
import { call, enrol, errorCode, signInAdmin } from './client'
import { demoPasswords, type PlatformFixture, startPlatform } from './fixture'

// Every /v1 endpoint, the platform's and sync's, each without credentials, with a revoked device
// token, with a made-up one, with malformed JSON and with a body over the limit; and nothing changes.
// (Another department's token is refused by the sync tests in tests/integration/server/sync/scopes.)

interface Endpoint {
  method: string
  path: string
  needs: 'nothing' | 'device' | 'session'
  body?: unknown
}

const someUser = demoUsers[2]!.id
const endpoints: Endpoint[] = [
  {
    method: 'POST',
    path: '/v1/enrol',
    needs: 'nothing',
    body: { code: 'ABCD-EFGH-JKLM', deviceName: 'PC', appVersion: '1' },
  },
  { method: 'POST', path: '/v1/auth/login', needs: 'device', body: { username: 'clerk', password: 'x' } },
  { method: 'POST', path: '/v1/auth/logout', needs: 'session', body: {} },
  {
    method: 'POST',
    path: '/v1/auth/password',
    needs: 'session',
    body: { currentPassword: 'x', newPassword: 'Long-Enough-12' },
  },
  { method: 'GET', path: '/v1/admin/users', needs: 'session' },
  {
    method: 'POST',
    path: '/v1/admin/users',
    needs: 'session',
    body: { username: 'abc', displayName: 'A', role: 'clerk', departments: [], password: 'Long-Enough-12' },
  },
  { method: 'PATCH', path: `/v1/admin/users/${someUser}`, needs: 'session', body: { active: false } },
  {
    method: 'POST',
    path: `/v1/admin/users/${someUser}/password`,
    needs: 'session',
    body: { password: 'Long-Enough-12' },
  },
  { method: 'GET', path: '/v1/admin/devices', needs: 'session' },
  {
    method: 'POST',
    path: '/v1/admin/devices/0190a3c0-0000-7000-8000-00000000ffff/revoke',
    needs: 'session',
    body: {},
  },
  { method: 'GET', path: '/v1/admin/enrolment-codes', needs: 'session' },
  { method: 'POST', path: '/v1/admin/enrolment-codes', needs: 'session', body: {} },
  {
    method: 'POST',
    path: '/v1/sync/hello',
    needs: 'device',
    body: {
      lastLocalSeq: 0,
      cursors: {},
      knownGeneration: null,
      clientTime: '2026-11-24T10:00:00.000Z',
      pendingChanges: 0,
    },
  },
  {
    method: 'POST',
    path: '/v1/sync/push',
    needs: 'device',
    body: {
      epoch: 1,
      mutations: [
        {
          seq: 1,
          mutationId: '0190a3c0-0000-7000-8000-00000000aaaa',
          entity: 'territorialUnit',
          rowId: '0190a3c0-0000-7000-8000-000000000101',
          op: 'update',
          fields: { nameEn: 'Taken over' },
          baseVersions: { nameEn: 1 },
          hlc: '001795500000000-000000-0190a3c0-0000-7000-8000-00000000bbbb',
          userId: someUser,
          createdAt: '2026-11-24T10:00:00.000Z',
        },
      ],
    },
  },
  { method: 'GET', path: '/v1/sync/pull?scope=property&after=0', needs: 'session' },
  { method: 'GET', path: '/v1/sync/snapshot?scope=property', needs: 'session' },
  { method: 'GET', path: '/v1/sync/events', needs: 'session' },
  {
    method: 'POST',
    path: '/v1/numbers/lease',
    needs: 'session',
    body: { series: 'contract', department: 'property', count: 10 },
  },
]
const guarded = endpoints.filter((e) => e.needs !== 'nothing')
const withBody = endpoints.filter((e) => e.method !== 'GET')

let platform: PlatformFixture
let admin: { deviceToken: string; session: string }
let revoked: { deviceToken: string; session: string }
let snapshotBefore: string

const snapshot = async () => {
  const db = platform.database.db
  const sessionRows = await db.select({ id: sessions.id, revokedAt: sessions.revokedAt }).from(sessions)
  return JSON.stringify([
    await db.select().from(users).orderBy(users.id),
    await db.select().from(devices).orderBy(devices.id),
    sessionRows.sort((a, b) => a.id.localeCompare(b.id)),
    await db.select().from(enrolmentCodes).orderBy(enrolmentCodes.code),
    await db.select().from(record).orderBy(record.entity, record.id),
    await db.select().from(changeLog).orderBy(changeLog.seq),
    await db.select().from(mutationLog).orderBy(mutationLog.mutationId),
    await db.select().from(numberLease),
  ])
}

beforeAll(async () => {
  platform = await startPlatform()
  const pc = await enrol(platform.url, platform.demoCode, 'IT PC')
  admin = {
    deviceToken: pc.deviceToken,
    session: await signInAdmin(platform.url, pc.deviceToken, demoPasswords.admin),
  }
  const lost = await enrol(platform.url, platform.demoCode, 'Stolen PC')
  revoked = {
    deviceToken: lost.deviceToken,
    session: await signInAdmin(platform.url, lost.deviceToken, demoPasswords.admin),
  }
  const reply = await call(platform.url, 'POST', `/v1/admin/devices/${lost.deviceId}/revoke`, admin)
  expect(reply.status).toBe(200)
  snapshotBefore = await snapshot()
})
afterAll(() => platform?.close())

describe.each(guarded)('$method $path', (endpoint) => {
  it('answers 401 without credentials', async () => {
    const reply = await call(platform.url, endpoint.method, endpoint.path, { body: endpoint.body })
    expect(reply.status).toBe(401)
    expect(errorCode(reply)).toBe('UNAUTHENTICATED')
  })

  it('answers 401 to a revoked device token (with its once valid session)', async () => {
    const reply = await call(platform.url, endpoint.method, endpoint.path, {
      ...revoked,
      body: endpoint.body,
    })
    expect(reply.status).toBe(401)
    expect(errorCode(reply)).toBe('UNAUTHENTICATED')
  })

  it('answers 401 to a made-up bearer token and session', async () => {
    const reply = await call(platform.url, endpoint.method, endpoint.path, {
      deviceToken: 'A'.repeat(43),
      session: 'B'.repeat(43),
      body: endpoint.body,
    })
    expect(reply.status).toBe(401)
  })

  it('refuses an oversized body from a stranger with 401 before reading it', async () => {
    if (endpoint.method === 'GET') return
    const reply = await call(platform.url, endpoint.method, endpoint.path, {
      raw: `"${'x'.repeat(3 * 1024 * 1024)}"`,
    })
    expect(reply.status).toBe(401)
  })
})

describe.each(withBody)('$method $path with credentials', (endpoint) => {
  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const reply = await call(platform.url, endpoint.method, endpoint.path, { ...admin, raw: '{"a": [1, 2' })
    expect(reply.status).toBe(400)
    expect(errorCode(reply)).toBe('BAD_REQUEST')
  })

  it('answers a body over 2 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const raw = JSON.stringify({ ...(endpoint.body as object), padding: 'x'.repeat(2 * 1024 * 1024 + 1) })
    const reply = await call(platform.url, endpoint.method, endpoint.path, { ...admin, raw })
    expect(reply.status).toBe(413)
    expect(errorCode(reply)).toBe('PAYLOAD_TOO_LARGE')
  })

  it('answers a JSON array instead of an object with 400', async () => {
    const reply = await call(platform.url, endpoint.method, endpoint.path, { ...admin, raw: '[1,2,3]' })
    expect(reply.status).toBe(400)
  })
})

describe('after all of that', () => {
  it('nothing changed: users, devices, sessions, codes, records, the logs and number leases', async () => {
    expect(await snapshot()).toBe(snapshotBefore)
  })
})
