import { and, eq, isNull, ne } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { v7 as uuidv7 } from 'uuid'
import { z } from 'zod'
import { NewPassword } from '../../domain/auth/schemas'
import { LoginRequest, LoginResponse, ServerUser } from '../../domain/sync/protocol'
import type { ServerContext } from '../context'
import { sessions, users } from '../db/schema'
import { EmptyBody } from '../http/emptyBody'
import { forbidden, HttpError, unauthenticated } from '../http/httpError'
import { deviceOfRequest, requireDevice, requireSignedIn, signedInOfRequest } from './authHooks'
import { assertNotThrottled, recordAttempt } from './loginThrottle'
import { hashPassword, unknownUserHash, verifyPassword } from './passwords'
import { toServerUser } from './serverUser'
import { newToken, tokenHash } from './tokens'

const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword })
  .strict()

/** Sign-in on an enrolled PC, sign-out, and a user changing their own password. */
export const sessionRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.post(
    '/auth/login',
    { onRequest: requireDevice(ctx), schema: { body: LoginRequest, response: { 200: LoginResponse } } },
    async (request) => {
      const device = deviceOfRequest(request)
      const username = request.body.username.trim().toLowerCase()
      const attempt = { kind: 'login', username, address: request.ip } as const
      await assertNotThrottled(ctx, attempt)
      const [user] = await ctx.db.select().from(users).where(eq(users.username, username))
      const matches = await verifyPassword(
        request.body.password,
        user?.passwordHash ?? (await unknownUserHash),
      )
      if (!user || !matches) {
        await recordAttempt(ctx, { ...attempt, succeeded: false })
        throw unauthenticated('Wrong username or password')
      }
      if (!user.active) throw forbidden('This account is deactivated')
      const now = ctx.now()
      const sessionToken = newToken()
      await ctx.db.transaction(async (tx) => {
        await tx.insert(sessions).values({
          id: uuidv7(),
          tokenHash: tokenHash(sessionToken),
          userId: user.id,
          deviceId: device.deviceId,
          createdAt: now,
          lastUsedAt: now,
        })
        await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id))
      })
      await recordAttempt(ctx, { ...attempt, succeeded: true })
      return { sessionToken, user: toServerUser(user) }
    },
  )

  app.post(
    '/auth/logout',
    { onRequest: requireSignedIn(ctx, undefined, { passwordChange: true }), schema: { body: EmptyBody } },
    async (request, reply) => {
      const { sessionId } = signedInOfRequest(request)
      await ctx.db.update(sessions).set({ revokedAt: ctx.now() }).where(eq(sessions.id, sessionId))
      return reply.code(204).send()
    },
  )

  app.post(
    '/auth/password',
    {
      onRequest: requireSignedIn(ctx, undefined, { passwordChange: true }),
      schema: { body: ChangePasswordRequest, response: { 200: ServerUser } },
    },
    async (request) => {
      const { sessionId, user: signedIn } = signedInOfRequest(request)
      const attempt = { kind: 'password', username: signedIn.username, address: request.ip } as const
      await assertNotThrottled(ctx, attempt)
      const [user] = await ctx.db.select().from(users).where(eq(users.id, signedIn.userId))
      if (!user || !(await verifyPassword(request.body.currentPassword, user.passwordHash))) {
        await recordAttempt(ctx, { ...attempt, succeeded: false })
        throw forbidden('The current password is wrong')
      }
      if (request.body.newPassword === request.body.currentPassword) {
        throw new HttpError(400, 'BAD_REQUEST', 'The new password must differ from the current one')
      }
      const passwordHash = await hashPassword(request.body.newPassword)
      const now = ctx.now()
      const [updated] = await ctx.db.transaction(async (tx) => {
        // Whoever knew the old password is signed out everywhere else.
        await tx
          .update(sessions)
          .set({ revokedAt: now })
          .where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionId), isNull(sessions.revokedAt)))
        return tx
          .update(users)
          .set({ passwordHash, mustChangePassword: false })
          .where(eq(users.id, user.id))
          .returning()
      })
      await recordAttempt(ctx, { ...attempt, succeeded: true })
      if (!updated) throw unauthenticated()
      return toServerUser(updated)
    },
  )
}
