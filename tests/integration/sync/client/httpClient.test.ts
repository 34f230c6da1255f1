import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { headerNames, PROTOCOL_VERSION } from '../../../../domain/sync/protocol'
import { createSyncHttpClient } from '../../../../electron/backend/sync/httpClient'

// A real HTTP server on loopback that answers what a captive portal, a proxy or our server would,
// so the client's handling of each is exercised over a real socket.

type Handler = (req: IncomingMessage, res: ServerResponse) => void
let handler: Handler = (_req, res) => res.end()
let server: Server
let url: string
let seen: IncomingMessage | null = null

beforeAll(async () => {
  server = createServer((req, res) => {
    seen = req
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const json =
  (status: number, body: unknown): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
const client = (overrides: { serverUrl?: string; timeoutMs?: number } = {}) =>
  createSyncHttpClient({
    connection: () => ({
      serverUrl: overrides.serverUrl ?? url,
      deviceId: '0190a3c0-0000-7000-8000-0000000000ee',
      deviceToken: 't'.repeat(40),
      epoch: 2,
      generation: '0190a3c0-0000-7000-8000-0000000000ff',
    }),
    appVersion: '0.1.0',
    getSession: () => 's'.repeat(40),
    timeoutMs: overrides.timeoutMs ?? 2_000,
  })
const pull = (c = client()) => c.pull({ scope: 'property', after: 0 })

describe('the sync HTTP client', () => {
  it('sends the protocol headers, the device token and the session, and parses the answer', async () => {
    handler = json(200, { changes: [], next: 7, hasMore: false })
    await expect(pull()).resolves.toEqual({ changes: [], next: 7, hasMore: false })
    expect(seen?.url).toBe('/v1/sync/pull?scope=property&after=0')
    expect(seen?.headers).toMatchObject({
      authorization: `Bearer ${'t'.repeat(40)}`,
      [headerNames.session]: 's'.repeat(40),
      [headerNames.protocol]: String(PROTOCOL_VERSION),
      [headerNames.epoch]: '2',
      [headerNames.device]: '0190a3c0-0000-7000-8000-0000000000ee',
      [headerNames.app]: '0.1.0',
    })
  })

  it('takes a captive portal’s HTML page with status 200 as a failure, not data', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html><body>Sign in to the hotel Wi-Fi</body></html>')
    }
    await expect(pull()).rejects.toMatchObject({ code: 'BAD_RESPONSE', retryable: true })
  })

  it('takes JSON that does not match the protocol as a failure', async () => {
    handler = json(200, { changes: 'all of them' })
    await expect(pull()).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
  })

  it('maps the server’s error codes, with where to resume after a sequence gap', async () => {
    handler = json(409, { error: { code: 'SEQUENCE_GAP', message: 'gap' }, expected: 12 })
    await expect(pull()).rejects.toMatchObject({
      code: 'SEQUENCE_GAP',
      expected: 12,
      status: 409,
      retryable: false,
    })
    handler = json(426, { error: { code: 'UPDATE_REQUIRED', message: 'old' } })
    await expect(pull()).rejects.toMatchObject({
      code: 'UPDATE_REQUIRED',
      messageKey: 'sync.error.UPDATE_REQUIRED',
    })
    handler = (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' })
      res.end('<h1>Service Unavailable</h1>')
    }
    await expect(pull()).rejects.toMatchObject({ code: 'UNAVAILABLE', retryable: true })
  })

  it('tells a 426 of a server older than this PC from one asking this PC to update', async () => {
    const ranges = (max: number) => ({ protocol: { min: 1, max }, schema: { min: 1, max: 1 } })
    handler = json(426, { error: { code: 'UPDATE_REQUIRED', message: 'old' }, ...ranges(PROTOCOL_VERSION) })
    await expect(pull()).rejects.toMatchObject({ code: 'UPDATE_REQUIRED', retryable: false })
    handler = json(426, {
      error: { code: 'UPDATE_REQUIRED', message: 'Protocol 2 is not supported' },
      ...ranges(PROTOCOL_VERSION - 1),
    })
    await expect(pull()).rejects.toMatchObject({
      code: 'SERVER_OUTDATED',
      messageKey: 'sync.error.SERVER_OUTDATED',
      status: 426,
      retryable: true,
    })
  })

  it('gives up after its timeout, and reports a refused connection as a network failure', async () => {
    handler = () => {} // never answers
    await expect(pull(client({ timeoutMs: 200 }))).rejects.toMatchObject({ code: 'TIMEOUT' })
    await expect(pull(client({ serverUrl: 'http://127.0.0.1:1' }))).rejects.toMatchObject({ code: 'NETWORK' })
  })
})
