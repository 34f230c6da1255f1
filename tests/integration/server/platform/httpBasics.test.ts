import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorBody, PROTOCOL_VERSION } from '../../../../domain/sync/protocol'
import { buildApp } from '../../../../server/app'
import { call, errorCode } from './client'
import { type PlatformFixture, startPlatform } from './fixture'

let platform: PlatformFixture
beforeAll(async () => {
  platform = await startPlatform()
})
afterAll(() => platform?.close())

const expectSecurityHeaders = (headers: Headers) => {
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('x-frame-options')).toBe('DENY')
  expect(headers.get('referrer-policy')).toBe('no-referrer')
  expect(headers.get('content-security-policy')).toContain("default-src 'none'")
  expect(headers.get('cache-control')).toBe('no-store')
}

describe('GET /health', () => {
  it('answers 200 with the server generation, with the security headers', async () => {
    const reply = await call(platform.url, 'GET', '/health', {
      versions: { protocol: undefined, schema: undefined, app: undefined },
    })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ status: 'ok', generation: platform.server.generation })
    expectSecurityHeaders(reply.headers)
  })
})

describe('errors', () => {
  it('answers an unknown route with a 404 JSON error and the security headers', async () => {
    const reply = await call(platform.url, 'GET', '/v1/nothing-here')
    expect(reply.status).toBe(404)
    expect(ErrorBody.parse(reply.body).error.code).toBe('NOT_FOUND')
    expectSecurityHeaders(reply.headers)
    const outside = await call(platform.url, 'GET', '/index.html')
    expect(outside.status).toBe(404)
  })

  it('answers a URL that cannot be decoded with a 400 JSON error and the security headers', async () => {
    const reply = await call(platform.url, 'GET', '/v1/admin/users/%E0%A4%A')
    expect(reply.status).toBe(400)
    expect(errorCode(reply)).toBe('BAD_REQUEST')
    expectSecurityHeaders(reply.headers)
  })

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const reply = await call(platform.url, 'POST', '/v1/enrol', { raw: '{"code": "ABCD-' })
    expect(reply.status).toBe(400)
    expect(errorCode(reply)).toBe('BAD_REQUEST')
    expectSecurityHeaders(reply.headers)
  })

  it('answers a body that fails its schema with 400 and says which field', async () => {
    const reply = await call(platform.url, 'POST', '/v1/enrol', {
      body: { code: 'ABCDEFGH', deviceName: '', appVersion: '0.1.0' },
    })
    expect(reply.status).toBe(400)
    expect(errorCode(reply)).toBe('BAD_REQUEST')
    expect((reply.body as ErrorBody).error.message).toContain('deviceName')
  })

  it('refuses bodies that are not JSON (a cross-site text/plain form post)', async () => {
    const reply = await call(platform.url, 'POST', '/v1/enrol', { raw: 'code=x', contentType: 'text/plain' })
    expect(reply.status).toBe(400)
    expect(errorCode(reply)).toBe('BAD_REQUEST')
  })

  it('answers a body over 2 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const raw = JSON.stringify({ code: 'x'.repeat(2 * 1024 * 1024), deviceName: 'a', appVersion: '1' })
    const reply = await call(platform.url, 'POST', '/v1/enrol', { raw })
    expect(reply.status).toBe(413)
    expect(errorCode(reply)).toBe('PAYLOAD_TOO_LARGE')
  })

  it('answers an unexpected failure with 500 INTERNAL and no detail of it', async () => {
    const app = await buildApp(platform.server.ctx, { logLevel: 'silent' })
    app.get('/v1/boom', async () => {
      throw new Error('relation "secret_table" does not exist at /srv/app.ts:12')
    })
    const reply = await app.inject({
      method: 'GET',
      url: '/v1/boom',
      headers: { 'x-rustavi-protocol': '1', 'x-rustavi-schema': '1', 'x-rustavi-app': '0.1.0' },
    })
    await app.close()
    expect(reply.statusCode).toBe(500)
    expect(reply.json()).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error' } })
    expect(reply.headers['x-frame-options']).toBe('DENY')
  })
  it('answers a lost database connection with 503 UNAVAILABLE', async () => {
    const app = await buildApp(platform.server.ctx, { logLevel: 'silent' })
    app.get('/v1/lost', async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' })
    })
    const reply = await app.inject({
      method: 'GET',
      url: '/v1/lost',
      headers: { 'x-rustavi-protocol': '1', 'x-rustavi-schema': '1', 'x-rustavi-app': '0.1.0' },
    })
    await app.close()
    expect(reply.statusCode).toBe(503)
    expect(reply.json().error.code).toBe('UNAVAILABLE')
    expect(reply.body).not.toContain('10.0.0.5')
  })
})

describe('graceful close', () => {
  it('finishes a request in flight before closing, and stops accepting new ones', async () => {
    const app = await buildApp(platform.server.ctx, { logLevel: 'silent' })
    let finish = () => {}
    const started = new Promise<void>((resolve) => {
      app.get('/v1/slow', async () => {
        resolve()
        await new Promise<void>((release) => {
          finish = release
        })
        return { done: true }
      })
    })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const address = app.server.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const inFlight = call(url, 'GET', '/v1/slow')
    await started
    let closed = false
    const closing = app.close().then(() => {
      closed = true
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(closed).toBe(false)
    await expect(fetch(`${url}/health`)).rejects.toThrow()
    finish()
    const reply = await inFlight
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ done: true })
    await closing
    expect(closed).toBe(true)
  })
})

describe('logs', () => {
  it('log request headers with the device token, session and cookie redacted', async () => {
    const lines: string[] = []
    const app = await buildApp(platform.server.ctx, {
      logLevel: 'info',
      logStream: { write: (line) => lines.push(line) },
    })
    await app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      headers: {
        'x-rustavi-protocol': '1',
        'x-rustavi-schema': '1',
        'x-rustavi-app': '0.1.7',
        authorization: 'Bearer SECRET-DEVICE-TOKEN-0123456789',
        'x-rustavi-session': 'SECRET-SESSION-0123456789abcdef',
        cookie: 'sid=SECRET-COOKIE',
      },
    })
    await app.close()
    const log = lines.join('')
    expect(log).toContain('0.1.7')
    expect(log).toContain('[redacted]')
    expect(log).not.toContain('SECRET')
  })
})

describe('version headers on /v1', () => {
  const body = { code: 'NOPE-NOPE-NOPE', deviceName: 'PC', appVersion: '0.1.0' }

  it.each([
    ['protocol', { protocol: undefined }],
    ['schema', { schema: undefined }],
    ['app', { app: undefined }],
    ['a protocol that is not a number', { protocol: 'one' }],
    ['a negative schema', { schema: '-1' }],
  ])('answers 400 BAD_REQUEST without a usable %s header', async (_name, versions) => {
    const reply = await call(platform.url, 'POST', '/v1/enrol', { body, versions })
    expect(reply.status).toBe(400)
    expect(errorCode(reply)).toBe('BAD_REQUEST')
  })

  it.each([
    ['an older protocol', { protocol: '0' }],
    ['a newer protocol', { protocol: '99' }],
    ['an older schema', { schema: '0' }],
  ])('answers 426 UPDATE_REQUIRED to %s, naming the supported ranges', async (_name, versions) => {
    const reply = await call(platform.url, 'POST', '/v1/enrol', { body, versions })
    expect(reply.status).toBe(426)
    expect(errorCode(reply)).toBe('UPDATE_REQUIRED')
    expect(reply.body).toMatchObject({
      protocol: { min: 1, max: PROTOCOL_VERSION },
      schema: { min: 1, max: 1 },
    })
  })

  it('serves a PC of every protocol from 1 to its own, so PCs can be updated after the server', async () => {
    for (let protocol = 1; protocol <= PROTOCOL_VERSION; protocol++) {
      const reply = await call(platform.url, 'POST', '/v1/enrol', {
        body,
        versions: { protocol: String(protocol) },
      })
      expect(reply.status).not.toBe(426)
    }
  })

  it('checks versions before credentials, so an outdated PC learns to update first', async () => {
    const reply = await call(platform.url, 'GET', '/v1/admin/users', { versions: { protocol: '0' } })
    expect(reply.status).toBe(426)
  })
})
