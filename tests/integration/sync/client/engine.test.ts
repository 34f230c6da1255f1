import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveEnrolment } from '../../../../db/sync/deviceIdentity'
import { createSyncEngine } from '../../../../electron/backend/sync/engine'
import { clerk, objectValues } from './syncSamples'
import { syncStore } from './syncStore'

// The engine's behaviour when the server cannot be used (real sockets, no real server needed).
// Two PCs against the real server wait for server/sync routes (see the report).

describe('the sync engine', () => {
  let s: ReturnType<typeof syncStore>
  beforeEach(() => {
    s = syncStore()
  })
  afterEach(() => s.close())

  const enrol = (serverUrl: string) =>
    saveEnrolment(s.db, {
      serverUrl,
      deviceId: '0190a3c0-0000-7000-8000-0000000000ee',
      deviceToken: 't'.repeat(40),
      epoch: 1,
      generation: '0190a3c0-0000-7000-8000-0000000000ff',
    })
  const engine = () =>
    createSyncEngine({
      db: s.db,
      derivedIndexes: [],
      appVersion: '0.1.0',
      getSession: () => null,
      pokes: false,
    })

  it('says the PC is not enrolled and sends nothing', async () => {
    const e = engine()
    await e.syncNow()
    expect(e.status()).toMatchObject({ connection: 'notEnrolled', lastError: null })
  })

  it('goes offline with a coded error when the server is unreachable, the outbox untouched', async () => {
    enrol('http://127.0.0.1:1')
    s.write(clerk, [{ op: 'insert', entity: 'propertyObject', values: objectValues() }])
    const e = engine()
    const seen: string[] = []
    e.onChange((status) => seen.push(status.connection))
    await e.syncNow()
    expect(e.status()).toMatchObject({
      connection: 'offline',
      lastError: 'sync.error.NETWORK',
      pendingChanges: 1,
      lastSyncAt: null,
    })
    expect(seen).toEqual(['offline'])
    expect(s.outbox()).toMatchObject([{ state: 'pending' }])
  })

  describe('against a server that requires an update', () => {
    let server: Server
    let requests = 0
    beforeEach(async () => {
      requests = 0
      server = createServer((_req, res) => {
        requests += 1
        res.writeHead(426, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: { code: 'UPDATE_REQUIRED', message: 'update' } }))
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      enrol(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    })
    afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())))

    it('stops, says so, and keeps the outbox exactly as it was', async () => {
      s.write(clerk, [{ op: 'insert', entity: 'propertyObject', values: objectValues() }])
      const before = s.client.prepare('SELECT * FROM outbox').all()
      const e = engine()
      e.start()
      await e.syncNow()
      await new Promise((resolve) => setTimeout(resolve, 100))
      await e.stop()
      expect(e.status()).toMatchObject({
        connection: 'updateRequired',
        lastError: 'sync.error.UPDATE_REQUIRED',
      })
      expect(s.client.prepare('SELECT * FROM outbox').all()).toEqual(before)
      // One round from start, one from syncNow queued behind it; no retry loop after a 426.
      expect(requests).toBeLessThanOrEqual(2)
    })
  })

  it('runs one round at a time: calls during a round share one follow-up round', async () => {
    let concurrent = 0
    let maxConcurrent = 0
    let hellos = 0
    const server = createServer((_req, res) => {
      hellos += 1
      concurrent += 1
      maxConcurrent = Math.max(maxConcurrent, concurrent)
      setTimeout(() => {
        concurrent -= 1
        res.writeHead(503, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'busy' } }))
      }, 50)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      enrol(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
      const e = engine()
      await Promise.all([e.syncNow(), e.syncNow(), e.syncNow(), e.syncNow()])
      expect(maxConcurrent).toBe(1)
      expect(hellos).toBe(2)
      expect(e.status()).toMatchObject({ connection: 'offline', lastError: 'sync.error.UNAVAILABLE' })
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('starts a round within a second of a poke from the event stream', async () => {
    const hellos: number[] = []
    const events: { stream: ServerResponse | null } = { stream: null }
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/v1/sync/events')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' })
        res.write(': connected\n\n')
        events.stream = res
        return
      }
      hellos.push(Date.now())
      res.writeHead(503, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'busy' } }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    enrol(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    const e = createSyncEngine({
      db: s.db,
      derivedIndexes: [],
      appVersion: '0.1.0',
      getSession: () => null,
      intervalMs: 600_000,
      retryMs: 600_000,
    })
    try {
      e.start()
      await until(() => events.stream !== null && hellos.length === 1)
      const pokedAt = Date.now()
      events.stream!.write('event: poke\ndata: {"scope":"property","seq":5}\n\n')
      await until(() => hellos.length === 2)
      expect(hellos[1]! - pokedAt).toBeLessThan(1_000)
    } finally {
      events.stream?.end()
      await e.stop()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
