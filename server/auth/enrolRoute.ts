import { and, eq, gt, isNull, or, TransactionRollbackError } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { v7 as uuidv7 } from 'uuid'
import { EnrolRequest, EnrolResponse } from '../../domain/sync/protocol'
import type { ServerContext } from '../context'
import { devices, enrolmentCodes } from '../db/schema'
import { ensureServerGeneration } from '../db/serverMeta'
import { unauthenticated } from '../http/httpError'
import { assertNotThrottled, recordAttempt } from './loginThrottle'
import { formatEnrolmentCode, newToken, tokenHash } from './tokens'

/** POST /enrol: a one-time code from IT makes this PC a device with its own token. */
export const enrolRoute: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.post(
    '/enrol',
    { schema: { body: EnrolRequest, response: { 201: EnrolResponse } } },
    async (request, reply) => {
      const attempt = { kind: 'enrol', username: null, address: request.ip } as const
      await assertNotThrottled(ctx, attempt)
      const code = formatEnrolmentCode(request.body.code)
      const now = ctx.now()
      const deviceId = uuidv7()
      const deviceToken = newToken()
      const enrolled = await ctx.db
        .transaction(async (tx) => {
          await tx.insert(devices).values({
            id: deviceId,
            name: request.body.deviceName,
            tokenHash: tokenHash(deviceToken),
            enrolledAt: now,
            appVersion: request.body.appVersion,
          })
          // One conditional update, so two PCs racing for one code cannot both win.
          const used = await tx
            .update(enrolmentCodes)
            .set({ usedByDevice: deviceId, usedAt: now })
            .where(
              and(
                eq(enrolmentCodes.code, code),
                gt(enrolmentCodes.expiresAt, now),
                or(eq(enrolmentCodes.reusable, true), isNull(enrolmentCodes.usedAt)),
              ),
            )
            .returning({ code: enrolmentCodes.code })
          if (used.length === 0) tx.rollback()
          return used.length > 0
        })
        .catch((error: unknown) => {
          if (error instanceof TransactionRollbackError) return false
          throw error
        })
      if (!enrolled) {
        await recordAttempt(ctx, { ...attempt, succeeded: false })
        throw unauthenticated(await whyRefused(ctx, code))
      }
      const serverGeneration = await ensureServerGeneration(ctx.db, now)
      return reply.code(201).send({ deviceId, deviceToken, epoch: 1, serverGeneration })
    },
  )
}

async function whyRefused(ctx: ServerContext, code: string): Promise<string> {
  const [row] = await ctx.db
    .select({ expiresAt: enrolmentCodes.expiresAt, usedAt: enrolmentCodes.usedAt })
    .from(enrolmentCodes)
    .where(eq(enrolmentCodes.code, code))
  if (!row) return 'Unknown enrolment code'
  if (row.usedAt) return 'This enrolment code has already been used'
  return 'This enrolment code has expired'
}
