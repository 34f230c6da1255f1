import type { Department } from '../../domain/auth/roles'
import { documentNumber, type NumberLease, type NumberSeries } from '../../domain/sync/protocol'
import type { Db } from '../database'
import { SyncDataError } from './syncDataError'

/** Refill when less than this share of the last block is left (the Hansa pattern: 50, refill at 20). */
export const TOP_UP_SHARE = 0.3

/**
 * Issues the next document number of a series from this PC's leased blocks (`ქვ-2026-000101`).
 * Call it inside the transaction that saves the document, so a number is used exactly when the
 * document is saved. A block past its expiry is not used (the server writes its rest off).
 */
export function takeNumber(
  db: Db,
  series: NumberSeries,
  department: Department,
  year: number,
  now: Date = new Date(),
): string {
  const client = db.$client
  return client.transaction(() => {
    const block = client
      .prepare(
        `SELECT id, next_no AS next FROM number_pool
         WHERE series = ? AND department = ? AND year = ? AND next_no <= to_no AND expires_at > ?
         ORDER BY from_no LIMIT 1`,
      )
      .get(series, department, year, now.toISOString()) as { id: number; next: number } | undefined
    if (!block) {
      throw new SyncDataError(
        'NUMBERS_EXHAUSTED',
        `no ${series} numbers of ${department} for ${year} are left on this PC; connect to the server`,
      )
    }
    client.prepare('UPDATE number_pool SET next_no = next_no + 1 WHERE id = ?').run(block.id)
    return documentNumber(series, year, block.next)
  })()
}

/** Keeps a block the server leased; the same block received twice is kept once, its use intact. */
export function addLease(db: Db, lease: NumberLease): void {
  db.$client
    .prepare(
      `INSERT OR IGNORE INTO number_pool (series, department, year, from_no, next_no, to_no, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(lease.series, lease.department, lease.year, lease.from, lease.from, lease.to, lease.expiresAt)
}

/** Numbers still issuable, and the size of the newest block (the size a top-up asks for). */
export function poolLeft(
  db: Db,
  series: NumberSeries,
  department: Department,
  year: number,
  now: Date = new Date(),
): { left: number; blockSize: number | null } {
  const client = db.$client
  const left = client
    .prepare(
      `SELECT coalesce(sum(to_no - next_no + 1), 0) FROM number_pool
       WHERE series = ? AND department = ? AND year = ? AND next_no <= to_no AND expires_at > ?`,
    )
    .pluck()
    .get(series, department, year, now.toISOString()) as number
  const newest = client
    .prepare(
      `SELECT to_no - from_no + 1 FROM number_pool WHERE series = ? AND department = ? AND year = ?
       ORDER BY from_no DESC LIMIT 1`,
    )
    .pluck()
    .get(series, department, year) as number | undefined
  return { left, blockSize: newest ?? null }
}

/** True when the PC has no block for the series this year, or less than 30% of its last block left. */
export function needsTopUp(
  db: Db,
  series: NumberSeries,
  department: Department,
  year: number,
  now: Date = new Date(),
): boolean {
  const { left, blockSize } = poolLeft(db, series, department, year, now)
  return blockSize === null || left < blockSize * TOP_UP_SHARE
}

/** The (series, department) pairs this PC holds blocks of, so top-ups continue what it uses. */
export function leasedSeries(db: Db): { series: NumberSeries; department: Department }[] {
  return db.$client
    .prepare('SELECT DISTINCT series, department FROM number_pool ORDER BY series, department')
    .all() as { series: NumberSeries; department: Department }[]
}

/**
 * A PC put back from a backup gives up every block it holds: numbers of them may have been issued
 * after the backup was taken, and issuing them again would print one number on two documents. The
 * round's top-up leases fresh blocks; the server documents the unused rest as a gap when they expire.
 */
export function dropNumberBlocks(db: Db): number {
  return db.$client.prepare('DELETE FROM number_pool').run().changes
}
