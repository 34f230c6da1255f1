import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Random } from './seededRandom'

// The network between one PC and the server: an HTTP proxy on its own loopback port that the PC is
// enrolled against, so the PC's real engine and real fetch go through it. It drops requests, drops
// answers after the server handled them, delivers requests twice (at once, or again much later, out
// of order with what came since), delays them, cuts the poke stream, and partitions the PC. It
// forwards to wherever the server listens now, so a restarted server on a new port is the same one.

export interface LinkFaults {
  dropRequest: number
  /** The server handles the request; the PC never hears back. */
  dropResponse: number
  /** Two copies reach the server at the same time; the PC gets one of the answers. */
  duplicate: number
  /** A copy reaches the server again 0.1-3 s later, after whatever the PC sent since. */
  replayLater: number
  delay: number
  maxDelayMs: number
  /** An open poke stream is cut after a while. */
  cutStream: number
}

export const healthy: LinkFaults = {
  dropRequest: 0,
  dropResponse: 0,
  duplicate: 0,
  replayLater: 0,
  delay: 0,
  maxDelayMs: 0,
  cutStream: 0,
}

export interface LinkStats {
  requests: number
  droppedRequests: number
  droppedResponses: number
  duplicated: number
  replayed: number
  delayed: number
  refusedByPartition: number
  streamsCut: number
  serverUnreachable: number
}

/** Counts of a link that carried nothing yet. */
export const noTraffic = (): LinkStats => ({
  requests: 0,
  droppedRequests: 0,
  droppedResponses: 0,
  duplicated: 0,
  replayed: 0,
  delayed: 0,
  refusedByPartition: 0,
  streamsCut: 0,
  serverUnreachable: 0,
})

export interface FaultyLink {
  /** The address the PC uses as its server. */
  url: string
  setFaults(faults: LinkFaults): void
  partition(on: boolean): void
  stats: LinkStats
  /** Waits for requests it is still replaying, then closes. */
  close(): Promise<void>
}

interface Answer {
  status: number
  headers: Record<string, string>
  body: Buffer
}

/** `target()` is where the server listens now, or null while it is down. */
export async function openFaultyLink(target: () => string | null, random: Random): Promise<FaultyLink> {
  let faults: LinkFaults = healthy
  let partitioned = false
  const streams = new Set<Socket>()
  const replays = new Set<Promise<unknown>>()
  const stats = noTraffic()

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => req.socket.destroy())
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req)
    stats.requests += 1
    const base = target()
    if (partitioned) {
      stats.refusedByPartition += 1
      return req.socket.destroy()
    }
    if (req.url?.startsWith('/v1/sync/events')) return streamThrough(req, res, base)
    // Every decision is drawn when the request arrives, so the draws replay with the seed.
    const f = faults
    const drop = random.chance(f.dropRequest)
    const delayBefore = random.chance(f.delay) ? random.int(0, f.maxDelayMs) : 0
    const copies = random.chance(f.duplicate) ? 2 : 1
    const replayAfter = random.chance(f.replayLater) ? random.int(100, 3_000) : null
    const pickCopy = random.int(0, copies - 1)
    const dropAnswer = random.chance(f.dropResponse)
    const delayAfter = random.chance(f.delay) ? random.int(0, f.maxDelayMs) : 0

    if (drop) {
      stats.droppedRequests += 1
      return req.socket.destroy()
    }
    if (delayBefore > 0 || delayAfter > 0) stats.delayed += 1
    await sleep(delayBefore)
    if (copies > 1) stats.duplicated += 1
    if (replayAfter !== null) {
      stats.replayed += 1
      const replay = sleep(replayAfter).then(() => forward(target(), req, body))
      replays.add(replay)
      void replay.finally(() => replays.delete(replay))
    }
    const answers = await Promise.all(Array.from({ length: copies }, () => forward(target(), req, body)))
    const answer = answers[pickCopy]
    if (!answer) {
      stats.serverUnreachable += 1
      return req.socket.destroy()
    }
    if (dropAnswer) {
      stats.droppedResponses += 1
      return req.socket.destroy()
    }
    await sleep(delayAfter)
    if (partitioned) {
      stats.refusedByPartition += 1
      return req.socket.destroy()
    }
    res.writeHead(answer.status, answer.headers)
    res.end(answer.body)
  }

  function streamThrough(req: IncomingMessage, res: ServerResponse, base: string | null) {
    if (!base) {
      stats.serverUnreachable += 1
      return req.socket.destroy()
    }
    const cutAfter = random.chance(faults.cutStream) ? random.int(200, 3_000) : null
    const upstream = httpRequest(new URL(req.url ?? '/', base), {
      method: req.method,
      headers: forwardedHeaders(req),
    })
    upstream.on('response', (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
      up.on('error', () => req.socket.destroy())
    })
    upstream.on('error', () => req.socket.destroy())
    upstream.end()
    streams.add(req.socket)
    const timer =
      cutAfter === null
        ? null
        : setTimeout(() => {
            stats.streamsCut += 1
            req.socket.destroy()
          }, cutAfter)
    req.socket.once('close', () => {
      if (timer) clearTimeout(timer)
      streams.delete(req.socket)
      upstream.destroy()
    })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    setFaults(next) {
      faults = next
    },
    partition(on) {
      partitioned = on
      if (on) for (const socket of streams) socket.destroy()
    },
    stats,
    async close() {
      await Promise.allSettled([...replays])
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || ['host', 'connection', 'content-length', 'keep-alive'].includes(key)) continue
    headers[key] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

/** One delivery of the request to the server; null when the server cannot be reached. */
async function forward(base: string | null, req: IncomingMessage, body: Buffer): Promise<Answer | null> {
  if (!base) return null
  return new Promise((resolve) => {
    const upstream = httpRequest(new URL(req.url ?? '/', base), {
      method: req.method,
      headers: { ...forwardedHeaders(req), 'content-length': String(body.length) },
      timeout: 30_000,
    })
    upstream.on('response', (up) => {
      const chunks: Buffer[] = []
      up.on('data', (chunk: Buffer) => chunks.push(chunk))
      up.on('end', () => {
        const headers: Record<string, string> = {}
        const type = up.headers['content-type']
        if (type) headers['content-type'] = type
        resolve({ status: up.statusCode ?? 502, headers, body: Buffer.concat(chunks) })
      })
      up.on('error', () => resolve(null))
    })
    upstream.on('timeout', () => upstream.destroy())
    upstream.on('error', () => resolve(null))
    upstream.end(body)
  })
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

const sleep = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : resolve()))
