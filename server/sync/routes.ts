import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ServerContext } from '../context'
import { leaseRoute } from '../numbers/leaseRoute'
import { eventsRoute } from './eventsRoute'
import { helloRoute } from './helloRoute'
import { pullRoute } from './pullRoute'
import { pushRoute } from './pushRoute'
import { snapshotRoute } from './snapshotRoute'

/** The sync API (DESIGN.md section 5), registered by server/app.ts under /v1. */
export const syncRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  await app.register(helloRoute, { ctx })
  await app.register(pushRoute, { ctx })
  await app.register(pullRoute, { ctx })
  await app.register(snapshotRoute, { ctx })
  await app.register(eventsRoute, { ctx })
  await app.register(leaseRoute, { ctx })
}
