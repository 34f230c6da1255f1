import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoUsers } from '../../../../domain/auth/demoUsers'
import { EnrolResponse, LoginResponse, ServerUser } from '../../../../domain/sync/protocol'
import { authenticateUser } from '../../../../server/auth/requestAuth'
import { devices, sessions, users } from '../../../../server/db/schema'
import { call, enrol, errorCode, signIn, signInAdmin } from './client'
import { demoPasswords, type PlatformFixture, startPlatform } from './fixture'

let platform: PlatformFixture
let adminDevice: { deviceToken: string }
let adminSession: string
beforeAll(async () => {
  platform = await startPlatform()
  adminDevice = await enrol(platform.url, platform.demoCode, 'IT PC')
  adminSession = await signInAdmin(platform.url, adminDevice.deviceToken, demoPasswords.admin)
})
afterAll(() => platform?.close())

const newCode = async (): Promise<string> => {
  const reply = await call(platform.url, 'POST', '/v1/admin/enrolment-codes', {
    deviceToken: adminDevice.deviceToken,
    session: adminSession,
  })
  expect(reply.status, JSON.stringify(reply.body)).toBe(201)
  return (reply.body as { code: string }).code
}
const enrolWith = (code: string) =>
  call(platform.url, 'POST', '/v1/enrol', { body: { code, deviceName: 'Reception PC', appVersion: '0.1.0' } })

describe('POST /v1/enrol', () => {
  it('turns a one-time code into a device id and token, storing only the token hash', async () => {
    const code = await newCode()
    const reply = await enrolWith(code)
    expect(reply.status).toBe(201)
    const enrolled = EnrolResponse.parse(reply.body)
    expect(enrolled.epoch).toBe(1)
    expect(enrolled.serverGeneration).toBe(platform.server.generation)
    const [row] = await platform.database.db.select().from(devices).where(eq(devices.id, enrolled.deviceId))
    expect(row?.name).toBe('Reception PC')
    expect(row?.appVersion).toBe('0.1.0')
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain(enrolled.deviceToken)
  })

  it('accepts the code typed in lower case and without dashes', async () => {
    const code = await newCode()
    const reply = await enrolWith(code.replaceAll('-', '').toLowerCase())
    expect(reply.status).toBe(201)
  })

  it('refuses a malformed code with 400 and an unknown one with 401', async () => {
    const short = await enrolWith('abc')
    expect(short.status).toBe(400)
    expect(errorCode(short)).toBe('BAD_REQUEST')
    const unknown = await enrolWith('ZZZZ-ZZZZ-ZZZZ')
    expect(unknown.status).toBe(401)
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED')
  })

  it('enrols one PC per code: the second use is refused and makes no device', async () => {
    const code = await newCode()
    expect((await enrolWith(code)).status).toBe(201)
    const before = await platform.database.db.select().from(devices)
    const again = await enrolWith(code)
    expect(again.status).toBe(401)
    expect((again.body as { error: { message: string } }).error.message).toMatch(/already been used/)
    expect(await platform.database.db.select().from(devices)).toHaveLength(before.length)
  })

  it('lets only one of two PCs racing for one code enrol', async () => {
    const code = await newCode()
    const replies = await Promise.all([enrolWith(code), enrolWith(code), enrolWith(code)])
    expect(replies.map((r) => r.status).sort()).toEqual([201, 401, 401])
  })

  it('refuses a code older than 7 days', async () => {
    const code = await newCode()
    platform.advance(7 * 24 * 60 * 60 * 1000 + 60_000)
    try {
      const reply = await enrolWith(code)
      expect(reply.status).toBe(401)
      expect((reply.body as { error: { message: string } }).error.message).toMatch(/expired/)
    } finally {
      platform.advance(-(7 * 24 * 60 * 60 * 1000 + 60_000))
    }
  })

  it('lets the demo code enrol any number of PCs', async () => {
    expect((await enrolWith(platform.demoCode)).status).toBe(201)
    expect((await enrolWith(platform.demoCode)).status).toBe(201)
  })
})

describe('POST /v1/auth/login and /logout', () => {
  it('signs a demo user in on an enrolled PC and records the time', async () => {
    const pc = await enrol(platform.url, platform.demoCode)
    const reply = await call(platform.url, 'POST', '/v1/auth/login', {
      deviceToken: pc.deviceToken,
      body: { username: 'Clerk', password: demoPasswords.clerk },
    })
    expect(reply.status).toBe(200)
    const login = LoginResponse.parse(reply.body)
    const clerk = demoUsers.find((u) => u.username === 'clerk')!
    expect(login.user).toEqual({
      id: clerk.id,
      username: 'clerk',
      displayName: clerk.fullName,
      role: 'clerk',
      departments: ['property', 'sanitation'],
      mustChangePassword: false,
    })
    const [row] = await platform.database.db.select().from(users).where(eq(users.id, clerk.id))
    expect(row?.lastSignInAt).toBeInstanceOf(Date)
  })

  it('refuses a wrong password or an unknown user with the same 401', async () => {
    const pc = await enrol(platform.url, platform.demoCode)
    const wrong = await call(platform.url, 'POST', '/v1/auth/login', {
      deviceToken: pc.deviceToken,
      body: { username: 'head', password: 'not-the-password' },
    })
    const unknown = await call(platform.url, 'POST', '/v1/auth/login', {
      deviceToken: pc.deviceToken,
      body: { username: 'nobody', password: 'not-the-password' },
    })
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect(wrong.body).toEqual(unknown.body)
  })

  it('needs an enrolled PC to sign in on', async () => {
    const reply = await call(platform.url, 'POST', '/v1/auth/login', {
      body: { username: 'clerk', password: demoPasswords.clerk },
    })
    expect(reply.status).toBe(401)
    expect(errorCode(reply)).toBe('UNAUTHENTICATED')
  })

  it('ends the session at logout: the same session then gets 401', async () => {
    const pc = await enrol(platform.url, platform.demoCode)
    const session = await signIn(platform.url, pc.deviceToken, 'auditor', demoPasswords.auditor)
    const out = await call(platform.url, 'POST', '/v1/auth/logout', { deviceToken: pc.deviceToken, session })
    expect(out.status).toBe(204)
    const again = await call(platform.url, 'POST', '/v1/auth/logout', {
      deviceToken: pc.deviceToken,
      session,
    })
    expect(again.status).toBe(401)
    expect(errorCode(again)).toBe('UNAUTHENTICATED')
  })

  it('accepts a session only from the PC it was made on', async () => {
    const pcA = await enrol(platform.url, platform.demoCode)
    const pcB = await enrol(platform.url, platform.demoCode)
    const session = await signIn(platform.url, pcA.deviceToken, 'clerk', demoPasswords.clerk)
    const reply = await call(platform.url, 'POST', '/v1/auth/logout', {
      deviceToken: pcB.deviceToken,
      session,
    })
    expect(reply.status).toBe(401)
  })
})

describe('authenticateUser and revocation', () => {
  const requestWith = (deviceToken: string, session: string) =>
    ({ headers: { authorization: `Bearer ${deviceToken}`, 'x-rustavi-session': session } }) as never

  it('identifies the user of a session with their role and departments', async () => {
    const pc = await enrol(platform.url, platform.demoCode)
    const session = await signIn(platform.url, pc.deviceToken, 'head', demoPasswords.head)
    const user = await authenticateUser(platform.server.ctx, requestWith(pc.deviceToken, session))
    expect(user).toMatchObject({
      username: 'head',
      role: 'head',
      departments: ['property', 'sanitation'],
    })
  })

  it('stops a deactivated user at once, and their sessions stay revoked after reactivation', async () => {
    const created = await call(platform.url, 'POST', '/v1/admin/users', {
      deviceToken: adminDevice.deviceToken,
      session: adminSession,
      body: {
        username: 'temp.clerk',
        displayName: 'დროებითი',
        role: 'clerk',
        departments: ['property'],
        password: 'First-Password-1',
      },
    })
    const userId = (created.body as { id: string }).id
    const pc = await enrol(platform.url, platform.demoCode)
    const session = await signIn(platform.url, pc.deviceToken, 'temp.clerk', 'First-Password-1')
    const patch = (active: boolean) =>
      call(platform.url, 'PATCH', `/v1/admin/users/${userId}`, {
        deviceToken: adminDevice.deviceToken,
        session: adminSession,
        body: { active },
      })
    expect((await patch(false)).status).toBe(200)
    await expect(
      authenticateUser(platform.server.ctx, requestWith(pc.deviceToken, session)),
    ).rejects.toMatchObject({
      status: 401,
    })
    const login = await call(platform.url, 'POST', '/v1/auth/login', {
      deviceToken: pc.deviceToken,
      body: { username: 'temp.clerk', password: 'First-Password-1' },
    })
    expect(login.status).toBe(403)
    expect((await patch(true)).status).toBe(200)
    await expect(
      authenticateUser(platform.server.ctx, requestWith(pc.deviceToken, session)),
    ).rejects.toMatchObject({
      status: 401,
    })
  })

  it('shuts a revoked PC out, with its sessions', async () => {
    const pc = await enrol(platform.url, platform.demoCode)
    const session = await signIn(platform.url, pc.deviceToken, 'clerk', demoPasswords.clerk)
    const revoke = await call(platform.url, 'POST', `/v1/admin/devices/${pc.deviceId}/revoke`, {
      deviceToken: adminDevice.deviceToken,
      session: adminSession,
    })
    expect(revoke.status).toBe(200)
    const login = await call(platform.url, 'POST', '/v1/auth/login', {
      deviceToken: pc.deviceToken,
      body: { username: 'clerk', password: demoPasswords.clerk },
    })
    expect(login.status).toBe(401)
    const rows = await platform.database.db.select().from(sessions).where(eq(sessions.deviceId, pc.deviceId))
    expect(rows.every((s) => s.revokedAt !== null)).toBe(true)
    await expect(
      authenticateUser(platform.server.ctx, requestWith(pc.deviceToken, session)),
    ).rejects.toMatchObject({
      status: 401,
    })
  })

  it('ends a session left unused for more than 30 days', async () => {
    const pc = await enrol(platform.url, platform.demoCode)
    const session = await signIn(platform.url, pc.deviceToken, 'auditor', demoPasswords.auditor)
    const month = 31 * 24 * 60 * 60 * 1000
    platform.advance(month)
    try {
      const reply = await call(platform.url, 'POST', '/v1/auth/logout', {
        deviceToken: pc.deviceToken,
        session,
      })
      expect(reply.status).toBe(401)
    } finally {
      platform.advance(-month)
    }
  })
})

describe('POST /v1/auth/password', () => {
  it('lets a user on a temporary password change it or sign out, and nothing else until then', async () => {
    const created = await call(platform.url, 'POST', '/v1/admin/users', {
      deviceToken: adminDevice.deviceToken,
      session: adminSession,
      body: {
        username: 'first.day.clerk',
        displayName: 'დროებითი',
        role: 'clerk',
        departments: ['property'],
        password: 'Given-By-IT-3',
      },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const pc = await enrol(platform.url, platform.demoCode)
    const session = await signIn(platform.url, pc.deviceToken, 'first.day.clerk', 'Given-By-IT-3')
    const statusOf = async (path: string) =>
      (await call(platform.url, 'GET', path, { deviceToken: pc.deviceToken, session })).status
    const pull = '/v1/sync/pull?scope=property&after=0'
    const snapshot = '/v1/sync/snapshot?scope=property'
    const hello = async () =>
      (
        await call(platform.url, 'POST', '/v1/sync/hello', {
          deviceToken: pc.deviceToken,
          session,
          body: {
            lastLocalSeq: 0,
            cursors: {},
            knownGeneration: null,
            clientTime: new Date().toISOString(),
            pendingChanges: 0,
          },
        })
      ).body as { scopes: { scope: string }[] }
    // The event stream is refused too (once allowed, it would stay open, so it is asked only now).
    for (const path of [pull, snapshot, '/v1/sync/events']) expect(await statusOf(path)).toBe(403)
    expect((await hello()).scopes).toEqual([])

    const changed = await call(platform.url, 'POST', '/v1/auth/password', {
      deviceToken: pc.deviceToken,
      session,
      body: { currentPassword: 'Given-By-IT-3', newPassword: 'Chosen-By-Me-3' },
    })
    expect(changed.status).toBe(200)
    expect((await hello()).scopes.map((s) => s.scope)).toContain('property')
    expect([await statusOf(pull), await statusOf(snapshot)]).toEqual([200, 200])
  })

  it('changes the password, clears must-change, and signs the user out elsewhere', async () => {
    await call(platform.url, 'POST', '/v1/admin/users', {
      deviceToken: adminDevice.deviceToken,
      session: adminSession,
      body: {
        username: 'new.head',
        displayName: 'ახალი',
        role: 'head',
        departments: ['budget'],
        password: 'Given-By-IT-1',
      },
    })
    const pcA = await enrol(platform.url, platform.demoCode)
    const pcB = await enrol(platform.url, platform.demoCode)
    const sessionA = await signIn(platform.url, pcA.deviceToken, 'new.head', 'Given-By-IT-1')
    const sessionB = await signIn(platform.url, pcB.deviceToken, 'new.head', 'Given-By-IT-1')

    const wrong = await call(platform.url, 'POST', '/v1/auth/password', {
      deviceToken: pcA.deviceToken,
      session: sessionA,
      body: { currentPassword: 'not-it', newPassword: 'Chosen-By-Me-2' },
    })
    expect(wrong.status).toBe(403)
    const tooShort = await call(platform.url, 'POST', '/v1/auth/password', {
      deviceToken: pcA.deviceToken,
      session: sessionA,
      body: { currentPassword: 'Given-By-IT-1', newPassword: 'short' },
    })
    expect(tooShort.status).toBe(400)

    const changed = await call(platform.url, 'POST', '/v1/auth/password', {
      deviceToken: pcA.deviceToken,
      session: sessionA,
      body: { currentPassword: 'Given-By-IT-1', newPassword: 'Chosen-By-Me-2' },
    })
    expect(changed.status).toBe(200)
    expect(ServerUser.parse(changed.body).mustChangePassword).toBe(false)
    // This PC stays signed in; the other one is signed out.
    expect(
      (
        await call(platform.url, 'POST', '/v1/auth/logout', {
          deviceToken: pcB.deviceToken,
          session: sessionB,
        })
      ).status,
    ).toBe(401)
    expect(
      (
        await call(platform.url, 'POST', '/v1/auth/logout', {
          deviceToken: pcA.deviceToken,
          session: sessionA,
        })
      ).status,
    ).toBe(204)
    await expect(signIn(platform.url, pcA.deviceToken, 'new.head', 'Given-By-IT-1')).rejects.toThrow(/401/)
    await signIn(platform.url, pcA.deviceToken, 'new.head', 'Chosen-By-Me-2')
  })
})
