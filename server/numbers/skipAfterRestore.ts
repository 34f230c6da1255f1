import { and, eq, isNull, max, sql } from 'drizzle-orm'
import { Department } from '../../domain/auth/roles'
import { isoDateInTbilisi } from '../../domain/georgian/dates'
import { NumberSeries } from '../../domain/sync/protocol'
import { changeLog, devices, numberLease, numberSeries } from '../db/schema'
import type { SyncTx } from '../sync/syncTx'
import { LEASE_DAYS } from './leaseNumbers'

/** The block a PC asks for when it has none yet (electron/backend/sync/numbers.ts DEFAULT_BLOCK). */
export const USUAL_BLOCK = 50
const DAY_MS = 86_400_000

/**
 * After a restore the server no longer knows the blocks it leased after the backup, and would lease
 * them again: two documents with one number. Every series of this year moves forward by what it
 * leased in the 30 days before the backup (its newest activity), and by at least one block per
 * enrolled PC, rounded up to whole blocks. Unused numbers in between become a documented gap.
 */
export async function skipNumbersLeasedAfterBackup(tx: SyncTx, now: Date): Promise<void> {
  const year = Number(isoDateInTbilisi(now.getTime()).slice(0, 4))
  const [enrolled] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(devices)
    .where(isNull(devices.revokedAt))
  const pcs = Math.max(1, enrolled?.n ?? 0)
  const backupAt = await newestActivity(tx, now)
  const windowStart = new Date(backupAt.getTime() - LEASE_DAYS * DAY_MS)

  for (const series of NumberSeries.options) {
    for (const department of Department.options) {
      const key = and(
        eq(numberLease.series, series),
        eq(numberLease.department, department),
        eq(numberLease.year, year),
      )
      const [leased] = await tx
        .select({
          recent: sql<number>`coalesce(sum(${numberLease.to} - ${numberLease.from} + 1) filter (where ${numberLease.leasedAt} > ${windowStart}), 0)::bigint`,
          block: sql<number>`coalesce(max(${numberLease.to} - ${numberLease.from} + 1), 0)::bigint`,
        })
        .from(numberLease)
        .where(key)
      const block = Math.max(USUAL_BLOCK, Number(leased?.block ?? 0))
      const wanted = Math.max(Number(leased?.recent ?? 0), pcs * block)
      const skip = Math.ceil(wanted / block) * block
      await tx
        .insert(numberSeries)
        .values({ series, department, year, next: 1 + skip })
        .onConflictDoUpdate({
          target: [numberSeries.series, numberSeries.department, numberSeries.year],
          set: { next: sql`${numberSeries.next} + ${skip}` },
        })
    }
  }
}

/** When the backup was taken, near enough: the newest change or lease the restored database holds. */
async function newestActivity(tx: SyncTx, now: Date): Promise<Date> {
  const [change] = await tx.select({ at: max(changeLog.at) }).from(changeLog)
  const [lease] = await tx.select({ at: max(numberLease.leasedAt) }).from(numberLease)
  const times = [change?.at, lease?.at].filter((t) => t !== null && t !== undefined).map((t) => new Date(t))
  return times.length === 0 ? now : new Date(Math.max(...times.map((t) => t.getTime())))
}
