import type {
  ArrearsAgeingReport,
  TopDebtorsReport,
  UnitCollectionReport,
} from '../../domain/sanitation/reportViews'
import type { CollectionReport } from '../../domain/sanitation/views'
import type { Db } from '../database'
import { ensureAccountsCurrent } from './accountSummary'
import { sanitationSettings } from './rules'

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

/**
 * Per territorial unit (of the payer): the net charged in the range's periods and the payments made
 * in its months, the same rows as `collectionReport` split another way, so both give the same totals.
 * Every unit is listed, those with nothing too.
 */
export function unitCollectionReport(
  db: Db,
  range: { fromPeriod: string; toPeriod: string },
): UnitCollectionReport {
  const units = db.$client
    .prepare(
      `WITH charged AS (
         SELECT p.territorial_unit_id AS unit, sum(c.amount_tetri) AS tetri
         FROM sanitation_charge_line c JOIN sanitation_payer p ON p.id = c.payer_id
         WHERE c.deleted_at IS NULL AND c.period BETWEEN @from AND @to GROUP BY 1
       ), paid AS (
         SELECT p.territorial_unit_id AS unit, sum(m.amount_tetri) AS tetri
         FROM sanitation_payment m JOIN sanitation_payer p ON p.id = m.payer_id
         WHERE m.deleted_at IS NULL AND m.paid_on BETWEEN @fromDay AND @toDay GROUP BY 1
       )
       SELECT u.id AS territorialUnitId, coalesce(c.tetri, 0) AS chargedTetri, coalesce(d.tetri, 0) AS paidTetri
       FROM territorial_unit u LEFT JOIN charged c ON c.unit = u.id LEFT JOIN paid d ON d.unit = u.id
       WHERE u.deleted_at IS NULL ORDER BY u.code`,
    )
    .all({
      from: range.fromPeriod,
      to: range.toPeriod,
      fromDay: `${range.fromPeriod}-01`,
      toDay: `${range.toPeriod}-31`,
    }) as UnitCollectionReport['units']
  let chargedTetri = 0
  let paidTetri = 0
  for (const u of units) {
    chargedTetri += u.chargedTetri
    paidTetri += u.paidTetri
  }
  return { units, chargedTetri, paidTetri }
}

const buckets = ['d0to30', 'd31to90', 'd91to180', 'd181to365', 'over365'] as const

/**
 * Overdue open amounts by age at the end of `asOf`, per territorial unit, by the account's rule
 * (domain/sanitation/account.ts): payments and credits (periods netting below zero) settle the oldest
 * periods first; a period is overdue from the day after its last day plus the grace days.
 */
export function arrearsAgeingReport(db: Db, asOf: string): ArrearsAgeingReport {
  const grace = sanitationSettings().graceDays
  const units = db.$client
    .prepare(
      `WITH nets AS (
         SELECT payer_id, period, sum(amount_tetri) AS net FROM sanitation_charge_line
         WHERE deleted_at IS NULL AND issued_on <= @asOf GROUP BY payer_id, period
       ), paid AS (
         SELECT payer_id, sum(amount_tetri) AS paid FROM sanitation_payment
         WHERE deleted_at IS NULL AND paid_on <= @asOf GROUP BY payer_id
       ), pools AS (
         SELECT n.payer_id, coalesce(d.paid, 0) + sum(CASE WHEN n.net < 0 THEN -n.net ELSE 0 END) AS pool
         FROM nets n LEFT JOIN paid d ON d.payer_id = n.payer_id GROUP BY n.payer_id
       ), owed AS (
         SELECT payer_id, period, net,
           sum(net) OVER (PARTITION BY payer_id ORDER BY period ROWS UNBOUNDED PRECEDING) - net AS before
         FROM nets WHERE net > 0
       ), open AS (
         SELECT o.payer_id, o.net - min(o.net, max(0, p.pool - o.before)) AS tetri,
           CAST(julianday(@asOf) - julianday(date(o.period || '-01', '+1 month', '-1 day', @grace)) AS INTEGER) AS days
         FROM owed o JOIN pools p ON p.payer_id = o.payer_id
       ), overdue AS (
         SELECT payer_id, tetri,
           CASE WHEN days <= 30 THEN 'd0to30' WHEN days <= 90 THEN 'd31to90' WHEN days <= 180 THEN 'd91to180'
                WHEN days <= 365 THEN 'd181to365' ELSE 'over365' END AS bucket
         FROM open WHERE tetri > 0 AND days > 0
       )
       SELECT u.id AS territorialUnitId, count(DISTINCT o.payer_id) AS debtors,
         ${buckets.map((b) => `coalesce(sum(CASE WHEN o.bucket = '${b}' THEN o.tetri END), 0) AS ${b}`).join(', ')},
         coalesce(sum(o.tetri), 0) AS totalTetri
       FROM territorial_unit u
       LEFT JOIN sanitation_payer p ON p.territorial_unit_id = u.id AND p.deleted_at IS NULL
       LEFT JOIN overdue o ON o.payer_id = p.id
       WHERE u.deleted_at IS NULL GROUP BY u.id ORDER BY u.code`,
    )
    .all({ asOf, grace: `+${grace} days` }) as ArrearsAgeingReport['units']
  const totals = { debtors: 0, d0to30: 0, d31to90: 0, d91to180: 0, d181to365: 0, over365: 0, totalTetri: 0 }
  for (const u of units) {
    totals.debtors += u.debtors
    for (const b of buckets) totals[b] += u[b]
    totals.totalTetri += u.totalTetri
  }
  return { asOf, units, totals }
}

/** The payers who owe the most overdue, largest first, from the payer list's account table. */
export function topDebtors(
  db: Db,
  query: { territorialUnitId: string | null; limit: number },
  today: string,
): TopDebtorsReport {
  const client = db.$client
  ensureAccountsCurrent(client, today, sanitationSettings().graceDays)
  const rows = client
    .prepare(
      `SELECT a.payer_id AS payerId, a.payment_code AS paymentCode, a.name, a.kind,
         a.territorial_unit_id AS territorialUnitId, a.balance_tetri AS balanceTetri, a.arrears_tetri AS arrearsTetri
       FROM sanitation_payer_account a
       WHERE a.arrears_tetri > 0 ${query.territorialUnitId === null ? '' : 'AND a.territorial_unit_id = @unit'}
       ORDER BY a.arrears_tetri DESC, a.payment_code LIMIT @limit`,
    )
    .all(
      query.territorialUnitId === null
        ? { limit: query.limit }
        : { unit: query.territorialUnitId, limit: query.limit },
    ) as TopDebtorsReport['rows']
  let arrearsTetri = 0
  let balanceTetri = 0
  for (const r of rows) {
    arrearsTetri += r.arrearsTetri
    balanceTetri += r.balanceTetri
  }
  return { rows, arrearsTetri, balanceTetri }
}
