import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { type FastifyBaseLogger, type FastifyInstance, fastify } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { headerNames } from '../domain/sync/protocol'
import { adminRoutes } from './admin/adminRoutes'
import { enrolRoute } from './auth/enrolRoute'
import { sessionRoutes } from './auth/sessionRoutes'
import type { ServerContext } from './context'
import { handleError, sendError } from './http/errorReply'
import { healthRoute } from './http/healthRoute'
import { HttpError } from './http/httpError'
import { securityHeaders } from './http/securityHeaders'
import { checkClientVersions } from './http/versionCheck'
import { syncRoutes } from './sync/routes'

export interface AppOptions {
  /** pino level: 'info' for the server, 'silent' in tests. */
  logLevel?: string
  /** The largest request body (a push of 500 mutations fits easily in 2 MB). */
  bodyLimit?: number
  /** Behind a load balancer: trust its X-Forwarded-For so throttling sees the PC's address. */
  trustProxy?: boolean | string
  /** Where log lines go (standard output by default); tests read them. */
  logStream?: { write(line: string): void }
}

export type ServerApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024

/**
 * The central server's HTTP interface: GET /health, and everything else under /v1 with version
 * headers. Every reply carries the security headers; every error is `{ error: { code, message } }`.
 * It keeps nothing between requests: all state is in the database, so instances are interchangeable.
 */
export async function buildApp(ctx: ServerContext, options: AppOptions = {}): Promise<ServerApp> {
  const app: ServerApp = fastify({
    logger: {
      level: options.logLevel ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Headers are logged (the app and protocol versions help IT), secrets never.
      serializers: {
        req: (request) => ({
          method: request.method,
          url: request.url,
          remoteAddress: request.ip,
          headers: request.headers,
        }),
      },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', `req.headers["${headerNames.session}"]`],
        censor: '[redacted]',
      },
    },
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // A client that trickles its request in (slowloris) is cut off; a 2 MB push fits easily.
    requestTimeout: 60_000,
    trustProxy: options.trustProxy ?? false,
    // Draining: answered by our own hook below, in our error format.
    return503OnClosing: false,
    // A URL the router cannot decode fails before any hook: answer in our format and headers.
    frameworkErrors: (error, _request, reply) => {
      reply.headers(securityHeaders)
      sendError(reply, 400, 'BAD_REQUEST', error.message)
    },
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // JSON only: a cross-site form post with text/plain never reaches a handler.
  app.removeContentTypeParser('text/plain')

  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(securityHeaders)
    if (closing) {
      reply.header('connection', 'close')
      throw new HttpError(503, 'UNAVAILABLE', 'The server is shutting down; try again')
    }
  })
  // A reply finished while draining closes its keep-alive connection, or close() would wait on it.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close')
  })
  app.setErrorHandler(handleError)
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
  )

  await app.register(healthRoute, { ctx })
  await app.register(
    async (v1) => {
      v1.addHook('onRequest', async (request) => {
        checkClientVersions(request)
      })
      await v1.register(enrolRoute, { ctx })
      await v1.register(sessionRoutes, { ctx })
      await v1.register(adminRoutes, { ctx, prefix: '/admin' })
      await v1.register(syncRoutes, { ctx })
    },
    { prefix: '/v1' },
  )
  return app
}
