import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dispatch } from '../../electron/backend/dispatch'
import { contentSecurityPolicy } from '../../electron/backend/web/csp'
import { startWebHost, type WebHost } from '../../electron/backend/web/host'

const TOKEN = 'test-token-0123456789abcdef0123456789'
const calls: { sessionKey: string; name: string; input: unknown }[] = []
const dispatch: Dispatch = async (ctx, name, input) => {
  calls.push({ sessionKey: ctx.sessionKey, name, input })
  if (name === 'test.explode') throw new Error('boom')
  return { ok: true, data: { echo: input, sessionKey: ctx.sessionKey } }
}

let dir: string
let host: WebHost

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'webhost-'))
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>shell</title>')
  await mkdir(join(dir, 'assets'))
  await writeFile(join(dir, 'assets', 'app-1234.js'), 'console.log(1)')
  // A file next to the renderer folder that traversal attempts try to reach.
  await writeFile(join(dir, '..', `${dir.split('/').pop()}-secret.txt`), 'secret')
  host = await startWebHost({ dispatch, rendererDir: dir, token: TOKEN, bodyLimit: 1024 * 1024 })
})

afterAll(async () => {
  await host.close()
  await rm(dir, { recursive: true, force: true })
  await rm(`${dir}-secret.txt`, { force: true })
})

const call = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-token': TOKEN, ...headers },
    body: JSON.stringify(body),
  })

/** Raw HTTP, so the path and Host header go out exactly as written (fetch normalises both). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { port } = new URL(host.origin)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('web host', () => {
  it('listens on loopback and puts the token in the URL hash', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(host.url).toBe(`${host.origin}/#token=${TOKEN}`)
    expect(host.token).toBe(TOKEN)
  })

  it('generates a random 32-byte token when none is given', async () => {
    const other = await startWebHost({ dispatch, rendererDir: dir })
    try {
      expect(other.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(other.token).not.toBe(TOKEN)
    } finally {
      await other.close()
    }
  })

  it('passes a call with the right token to dispatch and returns the Result with 200', async () => {
    const res = await call('property.list', { page: 1 })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as { ok: boolean; data: { echo: unknown } }
    expect(body).toMatchObject({ ok: true, data: { echo: { page: 1 } } })
    expect(calls.at(-1)?.name).toBe('property.list')
  })

  it('refuses a missing or wrong token with 401 UNAUTHENTICATED and never dispatches', async () => {
    const before = calls.length
    for (const headers of [
      { 'x-api-token': '' },
      { 'x-api-token': 'wrong' },
      { 'x-api-token': `${TOKEN}x` },
    ]) {
      const res = await call('property.list', {}, headers)
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
    const res = await fetch(`${host.origin}/api/property.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(401)
    expect(calls.length).toBe(before)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { port } = new URL(host.origin)
    for (const hostHeader of [
      'evil.example',
      `evil.example:${port}`,
      '127.0.0.1',
      `127.0.0.1:${Number(port) + 1}`,
    ]) {
      const res = await raw('/', { host: hostHeader })
      expect(res.status).toBe(403)
    }
    expect((await raw('/', { host: `localhost:${port}` })).status).toBe(200)
  })

  it('refuses a foreign Origin even with the token', async () => {
    const before = calls.length
    const res = await call('property.list', {}, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(calls.length).toBe(before)
    const same = await call('property.list', {}, { origin: host.origin })
    expect(same.status).toBe(200)
  })

  it('issues an HttpOnly SameSite=Strict session cookie once and reuses it as the session key', async () => {
    const first = await call('auth.session', {})
    const setCookie = first.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^sid=[A-Za-z0-9_-]{43};/)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Strict/i)
    const sid = /^sid=([^;]+)/.exec(setCookie)?.[1]
    const firstKey = ((await first.json()) as { data: { sessionKey: string } }).data.sessionKey
    expect(firstKey).toBe(`web:${sid}`)

    const second = await call('auth.session', {}, { cookie: `sid=${sid}` })
    expect(second.headers.get('set-cookie')).toBeNull()
    expect(((await second.json()) as { data: { sessionKey: string } }).data.sessionKey).toBe(`web:${sid}`)

    const forged = await call('auth.session', {}, { cookie: 'sid=../../x' })
    expect(forged.headers.get('set-cookie')).toMatch(/^sid=/)
  })

  it('issues the session cookie with the HTML shell', async () => {
    const res = await fetch(`${host.origin}/`)
    expect(res.headers.get('set-cookie')).toMatch(/^sid=.*HttpOnly/i)
  })

  it('answers an oversized body with PAYLOAD_TOO_LARGE and never dispatches', async () => {
    const before = calls.length
    const res = await call('property.addDocument', { contentBase64: 'A'.repeat(2 * 1024 * 1024) })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } })
    expect(calls.length).toBe(before)
  })

  it('answers malformed JSON with a VALIDATION error value', async () => {
    const res = await fetch(`${host.origin}/api/property.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-token': TOKEN },
      body: '{not json',
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('refuses text/plain bodies (cross-site form posts)', async () => {
    const res = await fetch(`${host.origin}/api/property.list`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-api-token': TOKEN },
      body: '{}',
    })
    expect(res.status).toBe(415)
  })

  it('turns a throwing dispatch into an INTERNAL error value', async () => {
    const res = await call('test.explode', {})
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('serves static files with the CSP and security headers', async () => {
    const res = await fetch(`${host.origin}/assets/app-1234.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(await res.text()).toBe('console.log(1)')
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('serves index.html at / and for app routes, never cached', async () => {
    for (const path of ['/', '/index.html', '/property', '/property/123/leases']) {
      const res = await fetch(`${host.origin}${path}`)
      expect(res.status, path).toBe(200)
      expect(await res.text()).toContain('<title>shell</title>')
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
    }
  })

  it('answers a missing asset with 404, not the shell', async () => {
    const res = await fetch(`${host.origin}/assets/missing-1.js`)
    expect(res.status).toBe(404)
  })

  it('answers path traversal attempts with 404', async () => {
    const name = `${dir.split('/').pop()}-secret.txt`
    const attempts = [
      `/../${name}`,
      `/..%2f${name}`,
      `/%2e%2e/${name}`,
      `/%2e%2e%2f${name}`,
      `/assets/../../${name}`,
      `/assets/..%5c..%5c${name}`,
      `/..\\${name}`,
      '/%2fetc%2fpasswd',
      '//etc/passwd',
      '/assets/%00app-1234.js',
      '/assets/app-1234.js%00.html',
      '/C:/Windows/win.ini',
      '/.env',
    ]
    for (const path of attempts) {
      const res = await raw(path, { host: new URL(host.origin).host })
      expect(res.status, path).toBe(404)
      expect(res.body).not.toContain('secret')
    }
  })

  it('refuses a malformed percent-encoding without serving anything', async () => {
    const res = await raw('/%', { host: new URL(host.origin).host })
    expect(res.status).toBe(400)
    expect(res.body).toContain('"code":"VALIDATION"')
  })

  it('does not serve GET on the API', async () => {
    const res = await fetch(`${host.origin}/api/property.list`, { headers: { 'x-api-token': TOKEN } })
    expect(res.status).toBe(404)
  })
})
