import { and, asc, eq, isNull } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { v7 as uuidv7 } from 'uuid'
import { z } from 'zod'
import { adminCalls } from '../../domain/admin/contract'
import { AdminUser } from '../../domain/sync/contract'
import { hashPassword } from '../auth/passwords'
import type { ServerContext, ServerDb } from '../context'
import { sessions, users } from '../db/schema'
import { HttpError, notFound } from '../http/httpError'
import { toAdminUser } from './adminViews'

const UserParams = z.object({ id: z.uuid() }).strict()
const UpdateUser = adminCalls.updateUser.input.omit({ id: true })
const ResetPassword = adminCalls.resetPassword.input.omit({ id: true })
type Transaction = Parameters<Parameters<ServerDb['transaction']>[0]>[0]

/** IT's user management: accounts, roles, department memberships, deactivation, password resets. */
export const userRoutes: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get('/users', { schema: { response: { 200: z.array(AdminUser) } } }, async () => {
    const rows = await ctx.db.select().from(users).orderBy(asc(users.username))
    return rows.map(toAdminUser)
  })

  app.post(
    '/users',
    { schema: { body: adminCalls.createUser.input, response: { 201: AdminUser } } },
    async (request, reply) => {
      const { password, departments, ...fields } = request.body
      const [row] = await ctx.db
        .insert(users)
        .values({
          ...fields,
          id: uuidv7(),
          departments: [...new Set(departments)],
          passwordHash: await hashPassword(password),
          mustChangePassword: true,
          createdAt: ctx.now(),
        })
        .onConflictDoNothing({ target: users.username })
        .returning()
      if (!row) throw new HttpError(409, 'CONFLICT', `The username ${fields.username} is taken`)
      return reply.code(201).send(toAdminUser(row))
    },
  )

  app.patch(
    '/users/:id',
    { schema: { params: UserParams, body: UpdateUser, response: { 200: AdminUser } } },
    async (request) => {
      const { departments, ...fields } = request.body
      const changes = { ...fields, ...(departments ? { departments: [...new Set(departments)] } : {}) }
      const row = await ctx.db.transaction(async (tx) => {
        const [current] = await tx.select().from(users).where(eq(users.id, request.params.id)).for('update')
        if (!current) throw notFound('No such user')
        const losesAdmin =
          current.role === 'itAdmin' &&
          current.active &&
          ((changes.role !== undefined && changes.role !== 'itAdmin') || changes.active === false)
        if (losesAdmin) await assertAnotherAdmin(tx, current.id)
        if (changes.active === false) await revokeSessions(tx, current.id, ctx.now())
        if (Object.keys(changes).length === 0) return current
        const [updated] = await tx.update(users).set(changes).where(eq(users.id, current.id)).returning()
        return updated ?? current
      })
      return toAdminUser(row)
    },
  )

  app.post(
    '/users/:id/password',
    { schema: { params: UserParams, body: ResetPassword, response: { 200: AdminUser } } },
    async (request) => {
      const passwordHash = await hashPassword(request.body.password)
      const row = await ctx.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: true })
          .where(eq(users.id, request.params.id))
          .returning()
        if (!updated) throw notFound('No such user')
        // Whoever knew the old password is signed out.
        await revokeSessions(tx, updated.id, ctx.now())
        return updated
      })
      return toAdminUser(row)
    },
  )
}

async function revokeSessions(tx: Transaction, userId: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
}

/** The last active IT admin cannot be demoted or deactivated: nobody could manage users after. */
async function assertAnotherAdmin(tx: Transaction, userId: string): Promise<void> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'itAdmin'), eq(users.active, true)))
    .for('update')
  if (!admins.some((admin) => admin.id !== userId)) {
    throw new HttpError(409, 'CONFLICT', 'This is the last active IT administrator')
  }
}
