import { and, desc, eq, gt, lt, max } from 'drizzle-orm'
import type { ServerContext } from '../context'
import { loginAttempts } from '../db/schema'
import { HttpError } from '../http/httpError'

/** Failures that lock a username, or an address, out for the rest of the window. */
export const throttleLimits = { windowMs: 15 * 60 * 1000, perUsername: 5, perAddress: 30 } as const
/** Attempts older than this are deleted; nothing reads them. */
const KEEP_MS = 24 * 60 * 60 * 1000

export type AttemptKind = 'login' | 'enrol' | 'password'

interface Attempt {
  kind: AttemptKind
  /** null for enrolment, which has no user. */
  username: string | null
  address: string
}

/**
 * Refuses with 429 RATE_LIMITED (and Retry-After) when the username has 5 failures within 15
 * minutes since its last success, or the address 30. Counted in the database, so every instance
 * behind the load balancer sees the same numbers. Call before checking the secret.
 */
export async function assertNotThrottled(ctx: ServerContext, attempt: Attempt): Promise<void> {
  const now = ctx.now().getTime()
  const since = new Date(now - throttleLimits.windowMs)
  if (attempt.username !== null) {
    const [last] = await ctx.db
      .select({ at: max(loginAttempts.at) })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.username, attempt.username), eq(loginAttempts.succeeded, true)))
    const from = last?.at && last.at > since ? last.at : since
    const failures = await recentFailures(ctx, eq(loginAttempts.username, attempt.username), from)
    refuseOver(failures, throttleLimits.perUsername, now, 'Too many failed sign-ins for this user')
  }
  const failures = await recentFailures(ctx, eq(loginAttempts.address, attempt.address), since)
  refuseOver(failures, throttleLimits.perAddress, now, 'Too many failed attempts from this address')
}

export async function recordAttempt(
  ctx: ServerContext,
  attempt: Attempt & { succeeded: boolean },
): Promise<void> {
  const at = ctx.now()
  await ctx.db.insert(loginAttempts).values({ ...attempt, at })
  await ctx.db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(at.getTime() - KEEP_MS)))
}

async function recentFailures(ctx: ServerContext, who: ReturnType<typeof eq>, from: Date): Promise<Date[]> {
  const rows = await ctx.db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(who, eq(loginAttempts.succeeded, false), gt(loginAttempts.at, from)))
    .orderBy(desc(loginAttempts.at))
    .limit(throttleLimits.perAddress)
  return rows.map((r) => r.at)
}

/** `failures` newest first; the lock lifts when the limit-th newest failure leaves the window. */
function refuseOver(failures: Date[], limit: number, now: number, message: string): void {
  const oldestCounted = failures[limit - 1]
  if (!oldestCounted) return
  const retryAfterS = Math.max(1, Math.ceil((oldestCounted.getTime() + throttleLimits.windowMs - now) / 1000))
  throw new HttpError(
    429,
    'RATE_LIMITED',
    `${message}; try again in ${Math.ceil(retryAfterS / 60)} min`,
    undefined,
    {
      'retry-after': String(retryAfterS),
    },
  )
}
