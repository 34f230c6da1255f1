import type { Db } from '../../../db/database'
import { addLease, leasedSeries, needsTopUp, poolLeft } from '../../../db/sync/numberPool'
import type { Department } from '../../../domain/auth/roles'
import { isoDateInTbilisi } from '../../../domain/georgian/dates'
import type { NumberSeries, Scope } from '../../../domain/sync/protocol'
import type { SyncHttpClient } from './httpClient'

export interface SeriesOfDepartment {
  series: NumberSeries
  department: Department
}

/** The series each department issues from this PC (property: lease contracts; sanitation: receipts). */
export const defaultNumberSeries: readonly SeriesOfDepartment[] = [
  { series: 'contract', department: 'property' },
  { series: 'receipt', department: 'sanitation' },
]

/** About two weeks of a busy office's documents (research/sync.md 6.9: block = 2x two weeks). */
export const DEFAULT_BLOCK = 50

/**
 * The year a document number carries: the year in Tbilisi by the server's (corrected) clock, as the
 * server leases blocks. On 31 December after 20:00 UTC it is already next year.
 */
export const numberYear = (serverNow: Date): number =>
  Number(isoDateInTbilisi(serverNow.getTime()).slice(0, 4))

/**
 * Asks the server for a new block of every series this PC uses in a department it may write, when
 * less than 30% of the last block is left.
 */
export async function topUpNumbers(
  db: Db,
  http: SyncHttpClient,
  wanted: readonly SeriesOfDepartment[],
  writable: readonly Scope[],
  serverNow: Date,
  signal?: AbortSignal,
): Promise<number> {
  const year = numberYear(serverNow)
  const pairs = new Map<string, SeriesOfDepartment>()
  for (const p of [...leasedSeries(db), ...wanted]) pairs.set(`${p.series}/${p.department}`, p)
  let leased = 0
  for (const { series, department } of pairs.values()) {
    if (!writable.includes(department)) continue
    if (!needsTopUp(db, series, department, year, serverNow)) continue
    const { blockSize } = poolLeft(db, series, department, year, serverNow)
    const lease = await http.leaseNumbers({ series, department, count: blockSize ?? DEFAULT_BLOCK }, signal)
    addLease(db, lease)
    leased += 1
  }
  return leased
}
