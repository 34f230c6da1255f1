import { randomBytes } from 'node:crypto'
import { fastifyCookie } from '@fastify/cookie'
import { type FastifyReply, type FastifyRequest, fastify } from 'fastify'
import { type ErrorCode, fail } from '../../../domain/errors'
import type { Dispatch } from '../dispatch'
import { securityHeaders } from './csp'
import { isAllowedHost, isAllowedOrigin, isWellFormedSessionId, tokenMatches } from './guards'
import { readStaticFile } from './staticFiles'

export interface WebHostOptions {
  dispatch: Dispatch
  /** The built renderer (`out/renderer`). */
  rendererDir: string
  /** 0 (default) picks a free port. */
  port?: number
  /** Fixed token for tests; otherwise 32 random bytes per run. */
  token?: string
  /** Largest request body; document uploads arrive as base64 JSON. */
  bodyLimit?: number
}

export interface WebHost {
  /** Where to open the app: `http://127.0.0.1:<port>/#token=<token>`. */
  url: string
  origin: string
  token: string
  close(): Promise<void>
}

const DEFAULT_BODY_LIMIT = 30 * 1024 * 1024
const SESSION_COOKIE = 'sid'

/**
 * Serves the built renderer and the whole contract as `POST /api/<ns>.<method>` on 127.0.0.1 only,
 * so Playwright can drive the real UI and backend in Chromium. A page on another site (or one that
 * rebinds DNS to 127.0.0.1) cannot call the API: it lacks the per-run token from the URL hash, its
 * Host or Origin is refused, and the session cookie is SameSite=Strict and HttpOnly.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  if (token.length === 0) throw new Error('The web host token must not be empty')
  let port = 0

  const app = fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // A URL the router cannot decode fails before any hook runs: answer in our format and headers.
    frameworkErrors: (_error, _req, reply) => {
      reply.headers(securityHeaders())
      sendError(reply, 400, 'VALIDATION', 'Malformed request')
    },
  })
  await app.register(fastifyCookie)
  // Only JSON bodies: a cross-site text/plain form post never reaches a handler.
  app.removeContentTypeParser('text/plain')

  app.addHook('onRequest', async (req, reply) => {
    reply.headers(securityHeaders())
    if (!isAllowedHost(req.headers.host, port)) return sendError(reply, 403, 'FORBIDDEN', 'Host not allowed')
    if (!isAllowedOrigin(headerOf(req, 'origin'), port)) {
      return sendError(reply, 403, 'FORBIDDEN', 'Origin not allowed')
    }
    // Checked before the body is read, so an unauthenticated caller cannot make us parse 30 MB.
    if (isApiPath(req.url)) {
      reply.header('cache-control', 'no-store')
      if (!tokenMatches(headerOf(req, 'x-api-token'), token)) {
        return sendError(reply, 401, 'UNAUTHENTICATED', 'Missing or wrong API token')
      }
    }
  })

  app.post<{ Params: { name: string } }>('/api/:name', async (req, reply) => {
    const sessionKey = `web:${sessionIdOf(req, reply)}`
    try {
      return await options.dispatch({ sessionKey }, req.params.name, req.body)
    } catch {
      // Dispatch turns failures into values already; this only guards against a bug there.
      return fail('INTERNAL', 'Internal error')
    }
  })

  app.get('/*', async (req, reply) => {
    const pathname = pathOf(req.url)
    if (isApiPath(pathname)) return sendError(reply, 404, 'UNKNOWN_CALL', 'Use POST')
    const file = await readStaticFile(options.rendererDir, pathname)
    if (!file) return sendError(reply, 404, 'NOT_FOUND', 'Not found')
    // Issue the session cookie with the page, so the app's first parallel calls share one session.
    if (file.isShell) sessionIdOf(req, reply)
    return reply
      .type(file.contentType)
      .header('cache-control', file.isShell ? 'no-store' : 'no-cache')
      .send(file.body)
  })

  app.setNotFoundHandler((_req, reply) => sendError(reply, 404, 'NOT_FOUND', 'Not found'))

  app.setErrorHandler((error: { statusCode?: number }, _req, reply) => {
    const status = error.statusCode ?? 500
    if (status === 413) return sendError(reply, 413, 'PAYLOAD_TOO_LARGE', 'Request body too large')
    if (status >= 400 && status < 500) return sendError(reply, status, 'VALIDATION', 'Malformed request')
    return sendError(reply, 500, 'INTERNAL', 'Internal error')
  })

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('The web host has no TCP address')
  port = address.port
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: () => app.close(),
  }
}

function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(fail(code, message))
}

/** The browser session: a random HttpOnly SameSite=Strict cookie, issued when missing or malformed. */
function sessionIdOf(req: FastifyRequest, reply: FastifyReply): string {
  const current = req.cookies[SESSION_COOKIE]
  if (isWellFormedSessionId(current)) return current
  const sid = randomBytes(32).toString('base64url')
  reply.setCookie(SESSION_COOKIE, sid, { httpOnly: true, sameSite: 'strict', path: '/' })
  return sid
}

function headerOf(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name]
  return typeof value === 'string' ? value : undefined
}

function pathOf(url: string): string {
  const end = url.search(/[?#]/)
  return end < 0 ? url : url.slice(0, end)
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')
}
