import { desc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { EnrolmentCode } from '../../domain/sync/contract'
import { signedInOfRequest } from '../auth/authHooks'
import { createEnrolmentCode } from '../auth/enrolmentCodes'
import type { ServerContext } from '../context'
import { enrolmentCodes, users } from '../db/schema'
import { EmptyBody } from '../http/emptyBody'
import { toEnrolmentCode } from './adminViews'

/** One-time codes that enrol a PC (7 days, single use), newest first. */
export const enrolmentCodeRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get('/enrolment-codes', { schema: { response: { 200: z.array(EnrolmentCode) } } }, async () => {
    const rows = await ctx.db
      .select({ code: enrolmentCodes, createdBy: users.username })
      .from(enrolmentCodes)
      .leftJoin(users, eq(users.id, enrolmentCodes.createdBy))
      .orderBy(desc(enrolmentCodes.createdAt), desc(enrolmentCodes.code))
    return rows.map((row) => toEnrolmentCode(row.code, row.createdBy))
  })

  app.post(
    '/enrolment-codes',
    { schema: { body: EmptyBody, response: { 201: EnrolmentCode } } },
    async (request, reply) => {
      const { user } = signedInOfRequest(request)
      const row = await createEnrolmentCode(ctx, { createdBy: user.userId })
      return reply.code(201).send(toEnrolmentCode(row, user.username))
    },
  )
}
