import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { demoUsers } from '../../../../domain/auth/demoUsers'
import { AdminDevice, AdminUser, EnrolmentCode } from '../../../../domain/sync/contract'
import { loadUserAccess } from '../../../../server/auth/requestAuth'
import { readableScopes, writableScopes } from '../../../../server/auth/scopes'
import { call, enrol, errorCode, signIn, signInAdmin } from './client'
import { demoPasswords, type PlatformFixture, startPlatform } from './fixture'

let platform: PlatformFixture
let admin: { deviceToken: string; session: string }
let clerk: { deviceToken: string; session: string }
beforeAll(async () => {
  platform = await startPlatform()
  const pc = await enrol(platform.url, platform.demoCode, 'IT PC')
  admin = {
    deviceToken: pc.deviceToken,
    session: await signInAdmin(platform.url, pc.deviceToken, demoPasswords.admin),
  }
  clerk = {
    deviceToken: pc.deviceToken,
    session: await signIn(platform.url, pc.deviceToken, 'clerk', demoPasswords.clerk),
  }
})
afterAll(() => platform?.close())

const asAdmin = (method: string, path: string, body?: unknown) =>
  call(platform.url, method, path, { ...admin, body })

describe('who may use /v1/admin', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/v1/admin/users'],
    [
      'POST',
      '/v1/admin/users',
      { username: 'x.y', displayName: 'X', role: 'clerk', departments: [], password: 'Long-Enough-1' },
    ],
    ['PATCH', `/v1/admin/users/${demoUsers[1]!.id}`, { role: 'itAdmin' }],
    ['POST', `/v1/admin/users/${demoUsers[1]!.id}/password`, { password: 'Long-Enough-1' }],
    ['GET', '/v1/admin/devices'],
    ['POST', '/v1/admin/devices/0190a3c0-0000-7000-8000-000000000000/revoke'],
    ['GET', '/v1/admin/enrolment-codes'],
    ['POST', '/v1/admin/enrolment-codes'],
  ]

  it.each(routes)('refuses %s %s to a clerk with 403 and changes nothing', async (method, path, body) => {
    const before = (await asAdmin('GET', '/v1/admin/users')).body
    const reply = await call(platform.url, method, path, { ...clerk, body })
    expect(reply.status).toBe(403)
    expect(errorCode(reply)).toBe('FORBIDDEN')
    expect((await asAdmin('GET', '/v1/admin/users')).body).toEqual(before)
  })

  it.each(routes)('refuses %s %s without a user session with 401', async (method, path, body) => {
    const reply = await call(platform.url, method, path, { deviceToken: admin.deviceToken, body })
    expect(reply.status).toBe(401)
  })
})

describe('users', () => {
  it('lists the demo users in the AdminUser shape, without hashes', async () => {
    const reply = await asAdmin('GET', '/v1/admin/users')
    expect(reply.status).toBe(200)
    const list = z.array(AdminUser).parse(reply.body)
    expect(list.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'clerk', 'head', 'auditor']))
    expect(JSON.stringify(reply.body)).not.toMatch(/scrypt|password_hash|passwordHash/)
  })

  it('creates a user who must change the first password, and refuses a taken username with 409', async () => {
    const body = {
      username: 'eka.clerk',
      displayName: 'ეკა',
      role: 'clerk',
      departments: ['sanitation', 'sanitation'],
      password: 'Initial-Pass-1',
    }
    const created = await asAdmin('POST', '/v1/admin/users', body)
    expect(created.status).toBe(201)
    expect(AdminUser.parse(created.body)).toMatchObject({
      username: 'eka.clerk',
      role: 'clerk',
      departments: ['sanitation'],
      active: true,
      mustChangePassword: true,
      lastSignInAt: null,
    })
    const again = await asAdmin('POST', '/v1/admin/users', body)
    expect(again.status).toBe(409)
    expect(errorCode(again)).toBe('CONFLICT')
  })

  it('refuses bad input with 400: a bad username, a weak password, an unknown role or field', async () => {
    const base = {
      username: 'ok.name',
      displayName: 'OK',
      role: 'clerk',
      departments: [],
      password: 'Initial-Pass-1',
    }
    for (const bad of [
      { ...base, username: 'Has Space' },
      { ...base, password: 'short' },
      { ...base, role: 'mayor' },
      { ...base, departments: ['police'] },
      { ...base, isAdmin: true },
    ]) {
      const reply = await asAdmin('POST', '/v1/admin/users', bad)
      expect(reply.status, JSON.stringify(bad)).toBe(400)
    }
    const list = z.array(AdminUser).parse((await asAdmin('GET', '/v1/admin/users')).body)
    expect(list.some((u) => u.username === 'ok.name' || u.username === 'Has Space')).toBe(false)
  })

  it('changes role, departments and name; unknown ids get 404, malformed ones 400', async () => {
    const created = AdminUser.parse(
      (
        await asAdmin('POST', '/v1/admin/users', {
          username: 'moving.clerk',
          displayName: 'A',
          role: 'clerk',
          departments: ['property'],
          password: 'Initial-Pass-1',
        })
      ).body,
    )
    const patched = await asAdmin('PATCH', `/v1/admin/users/${created.id}`, {
      displayName: 'B',
      role: 'head',
      departments: ['budget'],
    })
    expect(patched.status).toBe(200)
    expect(AdminUser.parse(patched.body)).toMatchObject({
      displayName: 'B',
      role: 'head',
      departments: ['budget'],
    })
    expect(await loadUserAccess(platform.server.ctx, created.id)).toMatchObject({
      role: 'head',
      departments: ['budget'],
    })
    expect(
      (await asAdmin('PATCH', '/v1/admin/users/0190a3c0-0000-7000-8000-00000000ffff', { displayName: 'C' }))
        .status,
    ).toBe(404)
    expect((await asAdmin('PATCH', '/v1/admin/users/not-a-uuid', { displayName: 'C' })).status).toBe(400)
  })

  it('resets a password: the user must change it and their sessions end', async () => {
    const pc = await enrol(platform.url, platform.demoCode)
    const session = await signIn(platform.url, pc.deviceToken, 'auditor', demoPasswords.auditor)
    const auditor = demoUsers.find((u) => u.username === 'auditor')!
    const reset = await asAdmin('POST', `/v1/admin/users/${auditor.id}/password`, {
      password: 'Reset-By-IT-9',
    })
    expect(reset.status).toBe(200)
    expect(AdminUser.parse(reset.body).mustChangePassword).toBe(true)
    expect(
      (await call(platform.url, 'POST', '/v1/auth/logout', { deviceToken: pc.deviceToken, session })).status,
    ).toBe(401)
    await signIn(platform.url, pc.deviceToken, 'auditor', 'Reset-By-IT-9')
  })

  it('never demotes or deactivates the last active IT administrator', async () => {
    const adminId = demoUsers[0]!.id
    const demote = await asAdmin('PATCH', `/v1/admin/users/${adminId}`, { role: 'clerk' })
    expect(demote.status).toBe(409)
    const deactivate = await asAdmin('PATCH', `/v1/admin/users/${adminId}`, { active: false })
    expect(deactivate.status).toBe(409)
    const list = z.array(AdminUser).parse((await asAdmin('GET', '/v1/admin/users')).body)
    expect(list.find((u) => u.id === adminId)).toMatchObject({ role: 'itAdmin', active: true })
  })
})

describe('devices and enrolment codes', () => {
  it('lists devices in the AdminDevice shape and revokes one (idempotently); unknown ids get 404', async () => {
    const pc = await enrol(platform.url, platform.demoCode, 'Lost laptop')
    const list = z.array(AdminDevice).parse((await asAdmin('GET', '/v1/admin/devices')).body)
    expect(list.find((d) => d.id === pc.deviceId)).toMatchObject({
      name: 'Lost laptop',
      revoked: false,
      appVersion: '0.1.0',
    })
    const first = await asAdmin('POST', `/v1/admin/devices/${pc.deviceId}/revoke`)
    expect(AdminDevice.parse(first.body).revoked).toBe(true)
    const second = await asAdmin('POST', `/v1/admin/devices/${pc.deviceId}/revoke`)
    expect(second.status).toBe(200)
    expect(
      (await asAdmin('POST', '/v1/admin/devices/0190a3c0-0000-7000-8000-00000000ffff/revoke')).status,
    ).toBe(404)
  })

  it('makes 7-day codes of 10+ characters, listed newest first with who made them', async () => {
    const created = await asAdmin('POST', '/v1/admin/enrolment-codes')
    expect(created.status).toBe(201)
    const code = EnrolmentCode.parse(created.body)
    expect(code.code.replaceAll('-', '').length).toBeGreaterThanOrEqual(10)
    expect(code.createdBy).toBe('admin')
    expect(Date.parse(code.expiresAt) - Date.parse(code.createdAt)).toBe(7 * 24 * 60 * 60 * 1000)
    expect(code.usedByDevice).toBeNull()
    const list = z.array(EnrolmentCode).parse((await asAdmin('GET', '/v1/admin/enrolment-codes')).body)
    expect(list[0]?.code).toBe(code.code)
    const used = await enrol(platform.url, code.code)
    const after = z.array(EnrolmentCode).parse((await asAdmin('GET', '/v1/admin/enrolment-codes')).body)
    expect(after.find((c) => c.code === code.code)?.usedByDevice).toBe(used.deviceId)
  })
})

describe('scopes', () => {
  it('gives an IT admin without membership no citizen data, and no department writes', async () => {
    const adminAccess = await loadUserAccess(platform.server.ctx, demoUsers[0]!.id)
    expect(adminAccess).not.toBeNull()
    expect(readableScopes(adminAccess!)).toEqual(['reference'])
    expect(writableScopes(adminAccess!)).toEqual(['reference'])
  })

  it('refuses the IT admin a pull of citizen data over HTTP, and lets a clerk of the department pull it', async () => {
    const asAdminPull = await call(platform.url, 'GET', '/v1/sync/pull?scope=property&after=0', admin)
    expect(asAdminPull.status).toBe(403)
    const asClerkPull = await call(platform.url, 'GET', '/v1/sync/pull?scope=property&after=0', clerk)
    expect(asClerkPull.status).toBe(200)
    const reference = await call(platform.url, 'GET', '/v1/sync/pull?scope=reference&after=0', admin)
    expect(reference.status).toBe(200)
  })

  it('follows the role: clerk and head read and write their departments, an auditor only reads', () => {
    expect(readableScopes({ role: 'clerk', departments: ['property', 'budget'] })).toEqual([
      'reference',
      'property',
      'budget',
    ])
    expect(writableScopes({ role: 'clerk', departments: ['property'] })).toEqual(['property'])
    expect(writableScopes({ role: 'head', departments: ['academy'] })).toEqual(['academy'])
    expect(readableScopes({ role: 'auditor', departments: ['property'] })).toEqual(['reference', 'property'])
    expect(writableScopes({ role: 'auditor', departments: ['property'] })).toEqual([])
  })

  it('loads no access for an unknown or deactivated user', async () => {
    expect(await loadUserAccess(platform.server.ctx, '0190a3c0-0000-7000-8000-00000000ffff')).toBeNull()
    const created = AdminUser.parse(
      (
        await asAdmin('POST', '/v1/admin/users', {
          username: 'gone.clerk',
          displayName: 'G',
          role: 'clerk',
          departments: ['property'],
          password: 'Initial-Pass-1',
        })
      ).body,
    )
    expect(await loadUserAccess(platform.server.ctx, created.id)).not.toBeNull()
    await asAdmin('PATCH', `/v1/admin/users/${created.id}`, { active: false })
    expect(await loadUserAccess(platform.server.ctx, created.id)).toBeNull()
  })
})
