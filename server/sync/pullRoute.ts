import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { checkPullPage } from '../../domain/sync/pageChecks'
import { PullQuery, PullResponse } from '../../domain/sync/protocol'
import { requireSignedIn, signedInOfRequest } from '../auth/authHooks'
import { readableScopes } from '../auth/scopes'
import type { ServerContext } from '../context'
import { forbidden } from '../http/httpError'
import { pageSerializer } from './pageSerializer'
import { readChanges } from './readChanges'

/** GET /sync/pull: a page of a scope's changes after a cursor, for a user who may read the scope. */
export const pullRoute: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get(
    '/sync/pull',
    {
      onRequest: requireSignedIn(ctx),
      schema: { querystring: PullQuery, response: { 200: PullResponse } },
      serializerCompiler: pageSerializer(checkPullPage),
    },
    async (request) => {
      const { user } = signedInOfRequest(request)
      const { scope, after, limit } = request.query
      if (!readableScopes(user).includes(scope)) throw forbidden(`You may not read ${scope}`)
      return readChanges(ctx.db, scope, after, limit)
    },
  )
}
