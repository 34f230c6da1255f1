import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { and, count, desc, eq, gt } from 'drizzle-orm'
import { demoUsers } from '../../domain/auth/demoUsers'
import { createEnrolmentCode } from '../auth/enrolmentCodes'
import { hashPassword } from '../auth/passwords'
import type { ServerContext } from '../context'
import { enrolmentCodes, users } from '../db/schema'

/** Where a launcher finds the code that enrols a PC without a human. */
export const DEMO_CODE_FILE = 'demo-enrolment-code'
const DEMO_CODE_LIFETIME_MS = 10 * 365 * 24 * 60 * 60 * 1000

/**
 * `--demo`: on an empty database, the demo users of domain/auth/demoUsers.ts (their fixed ids and
 * passwords) and a reusable enrolment code. A database that has users gets nothing new (a reusable
 * code must never appear in a real deployment), but its demo code, if it has one, is written again.
 * The code goes to `<dataDir>/demo-enrolment-code` for a launcher, and is returned for printing.
 */
export async function seedDemo(
  ctx: Pick<ServerContext, 'db' | 'now'>,
  dataDir: string,
): Promise<string | null> {
  const [existing] = await ctx.db.select({ n: count() }).from(users)
  const code = existing?.n === 0 ? await seedEmptyDatabase(ctx) : await currentDemoCode(ctx)
  if (code !== null) writeFileSync(join(dataDir, DEMO_CODE_FILE), `${code}\n`, { mode: 0o600 })
  return code
}

async function seedEmptyDatabase(ctx: Pick<ServerContext, 'db' | 'now'>): Promise<string> {
  const now = ctx.now()
  const rows = await Promise.all(
    demoUsers.map(async (user) => ({
      id: user.id,
      username: user.username,
      displayName: user.fullName,
      role: user.role,
      departments: [...user.departments],
      passwordHash: await hashPassword(user.password),
      mustChangePassword: user.mustChangePassword,
      createdAt: now,
    })),
  )
  await ctx.db.insert(users).values(rows).onConflictDoNothing()
  return (await currentDemoCode(ctx)) ?? (await newDemoCode(ctx))
}

async function currentDemoCode(ctx: Pick<ServerContext, 'db' | 'now'>): Promise<string | null> {
  const [row] = await ctx.db
    .select({ code: enrolmentCodes.code })
    .from(enrolmentCodes)
    .where(and(eq(enrolmentCodes.reusable, true), gt(enrolmentCodes.expiresAt, ctx.now())))
    .orderBy(desc(enrolmentCodes.createdAt))
    .limit(1)
  return row?.code ?? null
}

async function newDemoCode(ctx: Pick<ServerContext, 'db' | 'now'>): Promise<string> {
  const row = await createEnrolmentCode(ctx, {
    createdBy: null,
    reusable: true,
    lifetimeMs: DEMO_CODE_LIFETIME_MS,
  })
  return row.code
}
