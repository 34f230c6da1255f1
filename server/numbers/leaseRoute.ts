import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { NumberLease, NumberLeaseRequest } from '../../domain/sync/protocol'
import { requireSignedIn, signedInOfRequest } from '../auth/authHooks'
import { writableScopes } from '../auth/scopes'
import type { ServerContext } from '../context'
import { forbidden } from '../http/httpError'
import { leaseNumbers } from './leaseNumbers'

/** POST /numbers/lease: a block of document numbers for this PC, for a user who writes the department. */
export const leaseRoute: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.post(
    '/numbers/lease',
    {
      onRequest: requireSignedIn(ctx),
      schema: { body: NumberLeaseRequest, response: { 200: NumberLease } },
    },
    async (request) => {
      const { user, device } = signedInOfRequest(request)
      if (!writableScopes(user).includes(request.body.department)) {
        throw forbidden(`You may not issue ${request.body.department} documents`)
      }
      return leaseNumbers(ctx, { ...request.body, deviceId: device.deviceId })
    },
  )
}
