import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { ServerErrorCode } from '../../domain/sync/protocol'
import { HttpError } from './httpError'

/** Every error answer: `{ error: { code, message }, ...extra }` as JSON. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: ServerErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ ...extra, error: { code, message } })
}

/** PostgreSQL error classes (and socket errors) meaning "the database is not there right now". */
const UNAVAILABLE = /^(08|53|57P)/
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])

/**
 * The one error handler: handlers' HttpErrors as they are, bad requests as 400 BAD_REQUEST, a body
 * over the limit as 413, an unreachable database as 503, and anything else as 500 INTERNAL, logged
 * but never described to the caller.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpError) {
    if (error.headers) reply.headers(error.headers)
    return sendError(reply, error.status, error.code, error.message, error.extra)
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return sendError(reply, 400, 'BAD_REQUEST', error.message || 'Invalid request')
  }
  const fastifyError = error as Partial<FastifyError> & { code?: string }
  const status = fastifyError.statusCode ?? 500
  if (status === 413) return sendError(reply, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large')
  if (status >= 400 && status < 500) {
    return sendError(reply, 400, 'BAD_REQUEST', fastifyError.message ?? 'Malformed request')
  }
  if (typeof fastifyError.code === 'string' && isUnavailable(fastifyError.code)) {
    request.log.warn({ err: error }, 'database unavailable')
    return sendError(reply, 503, 'UNAVAILABLE', 'The server cannot reach its database; try again later')
  }
  request.log.error({ err: error }, 'unexpected error')
  return sendError(reply, 500, 'INTERNAL', 'Internal server error')
}

function isUnavailable(code: string): boolean {
  return SOCKET_ERRORS.has(code) || UNAVAILABLE.test(code)
}
