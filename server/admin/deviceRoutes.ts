import { and, asc, eq, isNull } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AdminDevice } from '../../domain/sync/contract'
import type { ServerContext } from '../context'
import { devices, sessions } from '../db/schema'
import { EmptyBody } from '../http/emptyBody'
import { notFound } from '../http/httpError'
import { toAdminDevice } from './adminViews'

/** The enrolled PCs: their versions, clocks and backlogs, and revoking a lost or retired one. */
export const deviceRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get('/devices', { schema: { response: { 200: z.array(AdminDevice) } } }, async () => {
    const rows = await ctx.db.select().from(devices).orderBy(asc(devices.name), asc(devices.id))
    return rows.map(toAdminDevice)
  })

  app.post(
    '/devices/:id/revoke',
    {
      schema: {
        params: z.object({ id: z.uuid() }).strict(),
        body: EmptyBody,
        response: { 200: AdminDevice },
      },
    },
    async (request) => {
      const now = ctx.now()
      const row = await ctx.db.transaction(async (tx) => {
        const [current] = await tx.select().from(devices).where(eq(devices.id, request.params.id))
        if (!current) throw notFound('No such device')
        await tx
          .update(sessions)
          .set({ revokedAt: now })
          .where(and(eq(sessions.deviceId, current.id), isNull(sessions.revokedAt)))
        if (current.revokedAt) return current
        const [revoked] = await tx
          .update(devices)
          .set({ revokedAt: now })
          .where(eq(devices.id, current.id))
          .returning()
        return revoked ?? current
      })
      return toAdminDevice(row)
    },
  )
}
