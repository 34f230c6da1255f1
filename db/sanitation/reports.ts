import { ArrearsBucket, openByAge } from '../../domain/sanitation/account'
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
 * of the months, added here from the same integer rows. Both are read from the payer indexes, which
 * hold the period (date) and the amount: a scan of a narrow index beats looking up 400,000 wide rows.
 */
export function collectionReport(db: Db, range: { fromPeriod: string; toPeriod: string }): CollectionReport {
  const client = db.$client
  const charged = client
    .prepare(
      `SELECT period, sum(amount_tetri) AS tetri FROM sanitation_charge_line INDEXED BY sanitation_charge_line_payer
       WHERE deleted_at IS NULL AND period BETWEEN ? AND ? GROUP BY period`,
    )
    .all(range.fromPeriod, range.toPeriod) as { period: string; tetri: number }[]
  const paid = client
    .prepare(
      `SELECT substr(paid_on, 1, 7) AS period, sum(amount_tetri) AS tetri FROM sanitation_payment INDEXED BY sanitation_payment_payer
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
      `WITH charged_by_payer AS (
         SELECT payer_id, sum(amount_tetri) AS tetri FROM sanitation_charge_line INDEXED BY sanitation_charge_line_payer
         WHERE deleted_at IS NULL AND period BETWEEN @from AND @to GROUP BY payer_id
       ), paid_by_payer AS (
         SELECT payer_id, sum(amount_tetri) AS tetri FROM sanitation_payment INDEXED BY sanitation_payment_payer
         WHERE deleted_at IS NULL AND paid_on BETWEEN @fromDay AND @toDay GROUP BY payer_id
       ), charged AS (
         SELECT p.territorial_unit_id AS unit, sum(c.tetri) AS tetri
         FROM charged_by_payer c JOIN sanitation_payer p ON p.id = c.payer_id GROUP BY 1
       ), paid AS (
         SELECT p.territorial_unit_id AS unit, sum(d.tetri) AS tetri
         FROM paid_by_payer d JOIN sanitation_payer p ON p.id = d.payer_id GROUP BY 1
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

const buckets = ArrearsBucket

/**
 * Overdue open amounts by age at the end of `asOf`, per territorial unit, by the payer card's rule
 * (`openByAge`: payments and credits settle the oldest periods first). Lines are read from the payer
 * index, which holds period and amount, in payer and period order: one pass, no table lookups.
 */
export function arrearsAgeingReport(db: Db, asOf: string): ArrearsAgeingReport {
  const client = db.$client
  const grace = sanitationSettings().graceDays
  const unitOf = new Map(
    client
      .prepare('SELECT id, territorial_unit_id FROM sanitation_payer WHERE deleted_at IS NULL')
      .raw()
      .all() as [string, string][],
  )
  const paid = new Map(
    client
      .prepare(
        `SELECT payer_id, sum(amount_tetri) FROM sanitation_payment INDEXED BY sanitation_payment_payer
         WHERE deleted_at IS NULL AND paid_on <= ? GROUP BY payer_id`,
      )
      .raw()
      .all(asOf) as [string, number][],
  )
  const units = new Map<string, ArrearsAgeingReport['units'][number]>()
  for (const id of client
    .prepare('SELECT id FROM territorial_unit WHERE deleted_at IS NULL ORDER BY code')
    .pluck()
    .all() as string[]) {
    units.set(id, {
      territorialUnitId: id,
      debtors: 0,
      d0to30: 0,
      d31to90: 0,
      d91to180: 0,
      d181to365: 0,
      over365: 0,
      totalTetri: 0,
    })
  }
  const settle = (payerId: string, nets: Map<string, number>) => {
    const unit = units.get(unitOf.get(payerId) ?? '')
    if (!unit) return
    const open = openByAge(nets, paid.get(payerId) ?? 0, asOf, grace)
    if (open.arrearsTetri === 0) return
    unit.debtors++
    unit.totalTetri += open.arrearsTetri
    for (const b of buckets) unit[b] += open.ageing[b]
  }
  let payer: string | null = null
  let nets = new Map<string, number>()
  const lines = client
    .prepare(
      `SELECT payer_id, period, sum(amount_tetri) FROM sanitation_charge_line INDEXED BY sanitation_charge_line_payer
       WHERE deleted_at IS NULL GROUP BY payer_id, period`,
    )
    .raw()
    .iterate() as IterableIterator<[string, string, number]>
  for (const [payerId, period, net] of lines) {
    if (payerId !== payer) {
      if (payer !== null) settle(payer, nets)
      payer = payerId
      nets = new Map()
    }
    nets.set(period, net)
  }
  if (payer !== null) settle(payer, nets)

  const rows = [...units.values()]
  const totals = { debtors: 0, d0to30: 0, d31to90: 0, d91to180: 0, d181to365: 0, over365: 0, totalTetri: 0 }
  for (const u of rows) {
    totals.debtors += u.debtors
    for (const b of buckets) totals[b] += u[b]
    totals.totalTetri += u.totalTetri
  }
  return { asOf, units: rows, totals }
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
