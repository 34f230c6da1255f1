import { and, eq, sql } from 'drizzle-orm'
import type { Department } from '../../domain/auth/roles'
import { isoDateInTbilisi } from '../../domain/georgian/dates'
import type { NumberLease, NumberSeries } from '../../domain/sync/protocol'
import type { ServerContext } from '../context'
import { numberLease, numberSeries } from '../db/schema'

/** A leased block belongs to its PC for a fiscal month (research/sync.md 6.9). */
export const LEASE_DAYS = 30

export interface LeaseRequest {
  series: NumberSeries
  department: Department
  count: number
  deviceId: string
}

/**
 * The next `count` numbers of `<series>-<year>-<n>` for a PC. The series row is locked while the
 * block is cut, so two PCs never get overlapping blocks. The year is the server's (Tbilisi) year, so
 * a PC with a wrong clock cannot lease numbers of another year.
 */
export async function leaseNumbers(
  ctx: Pick<ServerContext, 'db' | 'now'>,
  request: LeaseRequest,
): Promise<NumberLease> {
  const now = ctx.now()
  const year = Number(isoDateInTbilisi(now.getTime()).slice(0, 4))
  const key = { series: request.series, department: request.department, year }
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(numberSeries)
      .values({ ...key, next: 1 })
      .onConflictDoNothing()
    const [cut] = await tx
      .update(numberSeries)
      .set({ next: sql`${numberSeries.next} + ${request.count}` })
      .where(
        and(
          eq(numberSeries.series, key.series),
          eq(numberSeries.department, key.department),
          eq(numberSeries.year, key.year),
        ),
      )
      .returning({ next: numberSeries.next })
    if (!cut) throw new Error('number_series has no row for the lease')
    const to = cut.next - 1
    const from = to - request.count + 1
    const expiresAt = new Date(now.getTime() + LEASE_DAYS * 86_400_000)
    await tx
      .insert(numberLease)
      .values({ ...key, deviceId: request.deviceId, from, to, leasedAt: now, expiresAt })
    return {
      series: key.series,
      department: key.department,
      year,
      from,
      to,
      expiresAt: expiresAt.toISOString(),
    }
  })
}
