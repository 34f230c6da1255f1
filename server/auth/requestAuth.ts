import { and, eq, isNull } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import { Department, Role } from '../../domain/auth/roles'
import { headerNames } from '../../domain/sync/protocol'
import type { DeviceAuth, ServerContext, UserAuth } from '../context'
import { devices, sessions, users } from '../db/schema'
import { unauthenticated } from '../http/httpError'
import { tokenHash } from './tokens'

/** A session unused this long stops working: a forgotten PC does not stay signed in for ever. */
export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000
/** last_used_at is refreshed at most this often, so reads do not each cost a write. */
const LAST_USED_PRECISION_MS = 5 * 60 * 1000

const TOKEN = /^[A-Za-z0-9_-]{20,200}$/

/** The PC behind `Authorization: Bearer <device token>`; 401 when missing, unknown or revoked. */
export async function authenticateDevice(ctx: ServerContext, request: FastifyRequest): Promise<DeviceAuth> {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')
  const token = match?.[1]
  if (!token || !TOKEN.test(token)) throw unauthenticated('A device token is required')
  const [device] = await ctx.db
    .select({ deviceId: devices.id, epoch: devices.epoch })
    .from(devices)
    .where(and(eq(devices.tokenHash, tokenHash(token)), isNull(devices.revokedAt)))
  if (!device) throw unauthenticated('This PC is not enrolled or its enrolment was revoked')
  return device
}

export interface SignedIn {
  device: DeviceAuth
  sessionId: string
  user: UserAuth
  /** A temporary password (set by IT) still in use: only changing it or signing out is allowed. */
  mustChangePassword: boolean
}

/**
 * The PC and its signed-in user: the `x-rustavi-session` session must be this PC's, not revoked,
 * not idle too long, and its user active; otherwise 401.
 */
export async function authenticateSignedIn(ctx: ServerContext, request: FastifyRequest): Promise<SignedIn> {
  const device = await authenticateDevice(ctx, request)
  const token = request.headers[headerNames.session]
  if (typeof token !== 'string' || !TOKEN.test(token)) throw unauthenticated('A user session is required')
  const now = ctx.now()
  const [row] = await ctx.db
    .select({
      sessionId: sessions.id,
      lastUsedAt: sessions.lastUsedAt,
      mustChangePassword: users.mustChangePassword,
      ...userColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash(token)),
        eq(sessions.deviceId, device.deviceId),
        isNull(sessions.revokedAt),
        eq(users.active, true),
      ),
    )
  if (!row || now.getTime() - row.lastUsedAt.getTime() > SESSION_IDLE_MS) {
    throw unauthenticated('The session has ended; sign in again')
  }
  if (now.getTime() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await ctx.db.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, row.sessionId))
  }
  const user = toUserAuth(row)
  if (!user) throw unauthenticated('The account cannot sign in')
  return { device, sessionId: row.sessionId, user, mustChangePassword: row.mustChangePassword }
}

/** The signed-in user of a request (see authenticateSignedIn). */
export async function authenticateUser(ctx: ServerContext, request: FastifyRequest): Promise<UserAuth> {
  return (await authenticateSignedIn(ctx, request)).user
}

/** A user's current role and memberships, or null when unknown or deactivated. */
export async function loadUserAccess(ctx: ServerContext, userId: string): Promise<UserAuth | null> {
  const [row] = await ctx.db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)))
  return row ? toUserAuth(row) : null
}

const userColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  departments: users.departments,
}

type UserRow = { userId: string; username: string; displayName: string; role: string; departments: string[] }

/** Parsed, not cast: a hand-edited row with an unknown role grants nothing, an unknown department is ignored. */
function toUserAuth(row: UserRow): UserAuth | null {
  const role = Role.safeParse(row.role)
  if (!role.success) return null
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    role: role.data,
    departments: row.departments.flatMap((d) => {
      const parsed = Department.safeParse(d)
      return parsed.success ? [parsed.data] : []
    }),
  }
}
