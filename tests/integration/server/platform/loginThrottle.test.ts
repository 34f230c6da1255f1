import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loginAttempts } from '../../../../server/db/schema'
import { call, type Enrolled, enrol, errorCode } from './client'
import { demoPasswords, type PlatformFixture, startPlatform } from './fixture'

let platform: PlatformFixture
let pc: Enrolled
beforeAll(async () => {
  platform = await startPlatform()
  pc = await enrol(platform.url, platform.demoCode)
})
afterAll(() => platform?.close())
// Each test starts with a clean slate, whatever the previous one left.
beforeEach(async () => {
  await platform.database.db.delete(loginAttempts)
})

const login = (username: string, password: string) =>
  call(platform.url, 'POST', '/v1/auth/login', { deviceToken: pc.deviceToken, body: { username, password } })
const minutes = (n: number) => n * 60 * 1000

describe('login throttling', () => {
  it('locks a username after 5 failures in 15 minutes, even for the right password, then lets it in again', async () => {
    for (let i = 0; i < 5; i++) expect((await login('head', `wrong-${i}`)).status).toBe(401)
    const locked = await login('head', demoPasswords.head)
    expect(locked.status).toBe(429)
    expect(errorCode(locked)).toBe('RATE_LIMITED')
    const retryAfter = Number(locked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(minutes(14) / 1000)
    expect(retryAfter).toBeLessThanOrEqual(minutes(15) / 1000)
    // Another user on the same PC is not affected by head's lock.
    expect((await login('clerk', demoPasswords.clerk)).status).toBe(200)

    platform.advance(minutes(16))
    try {
      expect((await login('head', demoPasswords.head)).status).toBe(200)
    } finally {
      platform.advance(-minutes(16))
    }
  })

  it('counts failures only since the last successful sign-in', async () => {
    for (let i = 0; i < 4; i++) expect((await login('auditor', 'wrong')).status).toBe(401)
    expect((await login('auditor', demoPasswords.auditor)).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await login('auditor', 'wrong')).status).toBe(401)
    expect((await login('auditor', demoPasswords.auditor)).status).toBe(200)
  })

  it('locks an address after 30 failures, whatever the usernames', async () => {
    for (let i = 0; i < 30; i++) expect((await login(`guess${i}`, 'wrong')).status).toBe(401)
    const locked = await login('clerk', demoPasswords.clerk)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('keeps the count in the database, where every server instance sees it', async () => {
    for (let i = 0; i < 5; i++) await login('head', 'wrong')
    const rows = await platform.database.db.select().from(loginAttempts)
    expect(rows.filter((r) => r.username === 'head' && !r.succeeded)).toHaveLength(5)
    expect(rows.every((r) => r.address.length > 0)).toBe(true)
  })

  it('throttles enrolment guesses per address too', async () => {
    const enrolWith = (code: string) =>
      call(platform.url, 'POST', '/v1/enrol', { body: { code, deviceName: 'PC', appVersion: '1' } })
    for (let i = 0; i < 30; i++)
      expect((await enrolWith(`GUESS-${String(i).padStart(4, '0')}`)).status).toBe(401)
    const locked = await enrolWith(platform.demoCode)
    expect(locked.status).toBe(429)
  })
})
