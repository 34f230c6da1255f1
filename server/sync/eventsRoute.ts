import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Poke } from '../../domain/sync/protocol'
import { requireSignedIn, signedInOfRequest } from '../auth/authHooks'
import { readableScopes } from '../auth/scopes'
import type { ServerContext } from '../context'

/** A comment line this often keeps proxies and the PC's idle timer from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000

/**
 * GET /sync/events: a server-sent event stream of contentless pokes (`event: poke`, data
 * `{ scope, seq }`) for the scopes the user reads; the PC pulls when one arrives.
 */
export const eventsRoute: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const open = new Set<() => void>()
  // A shutdown ends the streams, so closing the server does not wait for every PC to hang up.
  app.addHook('preClose', async () => {
    for (const close of [...open]) close()
  })
  app.get('/sync/events', { onRequest: requireSignedIn(ctx) }, async (request, reply) => {
    const readable = new Set(readableScopes(signedInOfRequest(request).user))
    reply.hijack()
    const raw = reply.raw
    // The security headers the app's hook set on the reply, which hijacking would otherwise drop.
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) headers[name] = String(value)
    }
    raw.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    })
    raw.write(': connected\n\n')
    const unsubscribe = ctx.onPoke((scope, seq) => {
      if (!readable.has(scope)) return
      const poke: Poke = { scope, seq }
      raw.write(`event: poke\ndata: ${JSON.stringify(poke)}\n\n`)
    })
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS)
    let closed = false
    const close = () => {
      if (closed) return
      closed = true
      open.delete(close)
      clearInterval(heartbeat)
      unsubscribe()
      raw.end()
    }
    open.add(close)
    request.raw.on('close', close)
    raw.on('close', close)
    raw.on('error', close)
  })
}
