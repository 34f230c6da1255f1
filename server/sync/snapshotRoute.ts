import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { checkSnapshotPage } from '../../domain/sync/pageChecks'
import { SnapshotQuery, SnapshotResponse } from '../../domain/sync/protocol'
import { requireSignedIn, signedInOfRequest } from '../auth/authHooks'
import { readableScopes } from '../auth/scopes'
import type { ServerContext } from '../context'
import { forbidden } from '../http/httpError'
import { pageSerializer } from './pageSerializer'
import { readSnapshot } from './readSnapshot'

/** GET /sync/snapshot: a page of a scope's live rows, for bootstrapping a PC or a new scope. */
export const snapshotRoute: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get(
    '/sync/snapshot',
    {
      onRequest: requireSignedIn(ctx),
      schema: { querystring: SnapshotQuery, response: { 200: SnapshotResponse } },
      serializerCompiler: pageSerializer(checkSnapshotPage),
    },
    async (request) => {
      const { user } = signedInOfRequest(request)
      const { scope, token, limit } = request.query
      if (!readableScopes(user).includes(scope)) throw forbidden(`You may not read ${scope}`)
      return readSnapshot(ctx.db, scope, token, limit)
    },
  )
}
