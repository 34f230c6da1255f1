import type { ServerContext } from '../context'
import { enrolmentCodes } from '../db/schema'
import { newEnrolmentCode } from './tokens'

export const ENROLMENT_CODE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000

/** A new code IT gives to whoever sets up a PC: single use, valid for `lifetimeMs` (7 days). */
export async function createEnrolmentCode(
  ctx: Pick<ServerContext, 'db' | 'now'>,
  options: { createdBy: string | null; lifetimeMs?: number; reusable?: boolean },
) {
  const now = ctx.now()
  const [row] = await ctx.db
    .insert(enrolmentCodes)
    .values({
      code: newEnrolmentCode(),
      createdBy: options.createdBy,
      createdAt: now,
      expiresAt: new Date(now.getTime() + (options.lifetimeMs ?? ENROLMENT_CODE_LIFETIME_MS)),
      reusable: options.reusable ?? false,
    })
    .returning()
  if (!row) throw new Error('The enrolment code was not stored')
  return row
}
