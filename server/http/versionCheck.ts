import type { FastifyRequest } from 'fastify'
import { headerNames } from '../../domain/sync/protocol'
import { HttpError } from './httpError'
import { supportedProtocol, supportedSchema } from './supportedVersions'

export interface ClientVersions {
  protocol: number
  schema: number
  app: string
}

/**
 * Every /v1 request names its protocol, schema and app versions. Missing or garbled headers are a
 * bad request; a protocol outside the supported range or a schema older than the minimum gets
 * 426 UPDATE_REQUIRED, which tells the PC to update and keep its outbox as it is.
 */
export function checkClientVersions(request: FastifyRequest): ClientVersions {
  const protocol = integerHeader(request, headerNames.protocol)
  const schema = integerHeader(request, headerNames.schema)
  const app = header(request, headerNames.app)
  if (app === undefined || app.length === 0 || app.length > 50) {
    throw new HttpError(400, 'BAD_REQUEST', `The ${headerNames.app} header is missing or too long`)
  }
  if (protocol < supportedProtocol.min || protocol > supportedProtocol.max) {
    throw new HttpError(426, 'UPDATE_REQUIRED', `Protocol ${protocol} is not supported`, {
      protocol: supportedProtocol,
      schema: supportedSchema,
    })
  }
  if (schema < supportedSchema.min) {
    throw new HttpError(426, 'UPDATE_REQUIRED', `Schema ${schema} is older than this server accepts`, {
      protocol: supportedProtocol,
      schema: supportedSchema,
    })
  }
  return { protocol, schema, app }
}

function integerHeader(request: FastifyRequest, name: string): number {
  const value = header(request, name)
  if (value === undefined || !/^\d{1,9}$/.test(value)) {
    throw new HttpError(400, 'BAD_REQUEST', `The ${name} header is missing or not a whole number`)
  }
  return Number(value)
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name]
  return typeof value === 'string' ? value : undefined
}
