import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { PushRequest, PushResponse } from '../../domain/sync/protocol'
import { deviceOfRequest, requireDevice } from '../auth/authHooks'
import type { ServerContext } from '../context'
import { applyPush } from './applyPush'

/** POST /sync/push: a PC's outbox rows, in device-sequence order (see applyPush). */
export const pushRoute: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.post(
    '/sync/push',
    { onRequest: requireDevice(ctx), schema: { body: PushRequest, response: { 200: PushResponse } } },
    async (request) => applyPush(ctx, deviceOfRequest(request), request.body),
  )
}
