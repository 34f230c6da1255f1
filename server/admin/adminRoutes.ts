import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireSignedIn } from '../auth/authHooks'
import type { ServerContext } from '../context'
import { forbidden } from '../http/httpError'
import { deviceRoutes } from './deviceRoutes'
import { enrolmentCodeRoutes } from './enrolmentCodeRoutes'
import { userRoutes } from './userRoutes'

/** /admin/...: only an IT admin signed in on an enrolled PC; everyone else gets 401 or 403. */
export const adminRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.addHook(
    'onRequest',
    requireSignedIn(ctx, ({ user }) => {
      if (user.role !== 'itAdmin') throw forbidden('Only an IT administrator may do this')
    }),
  )
  await app.register(userRoutes, { ctx })
  await app.register(deviceRoutes, { ctx })
  await app.register(enrolmentCodeRoutes, { ctx })
}
