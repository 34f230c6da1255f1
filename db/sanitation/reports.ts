import type { CollectionReport } from '../../domain/sanitation/views'
import type { Db } from '../database'

/**
 * Billed against collected, month by month: the net of every charge line of each period (charges,
 * corrections, reversals, amnesties) and the payments made in that month. The totals are the sums
 * of the months, added here from the same integer rows.
 */
export function collectionReport(db: Db, range: { fromPeriod: string; toPeriod: string }): CollectionReport {
  const client = db.$client
  const charged = client
    .prepare(
      `SELECT period, sum(amount_tetri) AS tetri FROM sanitation_charge_line
       WHERE deleted_at IS NULL AND period BETWEEN ? AND ? GROUP BY period`,
    )
    .all(range.fromPeriod, range.toPeriod) as { period: string; tetri: number }[]
  const paid = client
    .prepare(
      `SELECT substr(paid_on, 1, 7) AS period, sum(amount_tetri) AS tetri FROM sanitation_payment
       WHERE deleted_at IS NULL AND paid_on BETWEEN ? AND ? GROUP BY 1`,
    )
    .all(`${range.fromPeriod}-01`, `${range.toPeriod}-31`) as { period: string; tetri: number }[]
  const months = new Map<string, { period: string; chargedTetri: number; paidTetri: number }>()
  const month = (period: string) => {
    let m = months.get(period)
    if (!m) {
      m = { period, chargedTetri: 0, paidTetri: 0 }
      months.set(period, m)
    }
    return m
  }
  for (const c of charged) month(c.period).chargedTetri += c.tetri
  for (const p of paid) month(p.period).paidTetri += p.tetri
  const rows = [...months.values()].sort((a, b) => (a.period < b.period ? -1 : 1))
  let chargedTetri = 0
  let paidTetri = 0
  for (const m of rows) {
    chargedTetri += m.chargedTetri
    paidTetri += m.paidTetri
  }
  return { months: rows, chargedTetri, paidTetri }
}
