import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { ServerContext } from '../context'
import { readServerGeneration } from '../db/serverMeta'
import { HttpError } from './httpError'

const Health = z.object({ status: z.literal('ok'), generation: z.uuid() }).strict()

/** GET /health for load balancers and launchers: 200 only when the database answers. */
export const healthRoute: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get('/health', { schema: { response: { 200: Health } } }, async (request) => {
    const generation = await readServerGeneration(ctx.db).catch((error: unknown) => {
      request.log.warn({ err: error }, 'health check: database unavailable')
      return null
    })
    if (!generation) throw new HttpError(503, 'UNAVAILABLE', 'The database is not available')
    return { status: 'ok' as const, generation }
  })
}
