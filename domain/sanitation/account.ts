import { addDays, daysBetween } from '../georgian/dates'
import type { ChargeLine } from './ledger'
import { lastDayOf } from './period'

// A payer's account (the "personal subscriber card"): what was charged, what was paid, and what is
// owed, by period and by age. Payments and credits settle the oldest open period first, whatever
// period the payer had in mind, so arrears never hide behind a newer paid month.

export interface AccountPayment {
  id: string
  amountTetri: number
  paidOn: string
}

export const ArrearsBucket = ['d0to30', 'd31to90', 'd91to180', 'd181to365', 'over365'] as const
export type ArrearsBucket = (typeof ArrearsBucket)[number]

/** 1-30 days overdue falls in the first bucket, 31-90 in the second, and so on. */
export function bucketOf(daysOverdue: number): ArrearsBucket {
  if (daysOverdue <= 30) return 'd0to30'
  if (daysOverdue <= 90) return 'd31to90'
  if (daysOverdue <= 180) return 'd91to180'
  if (daysOverdue <= 365) return 'd181to365'
  return 'over365'
}

export interface PeriodAccount {
  period: string
  /** The net of the period's lines (charges, corrections, reversals, amnesties). */
  chargedTetri: number
  /** Payments and credits settled against it. */
  settledTetri: number
  openTetri: number
  dueOn: string
  /** Days past `dueOn` at `asOf`; zero or less is not yet overdue. */
  daysOverdue: number
}

export interface PayerAccount {
  chargedTetri: number
  paidTetri: number
  /** Charged minus paid: positive is owed, negative is the payer's credit. */
  balanceTetri: number
  /** Open amounts already overdue, and their split by age. */
  arrearsTetri: number
  ageing: Record<ArrearsBucket, number>
  notDueTetri: number
  creditTetri: number
  periods: PeriodAccount[]
}

/** What the account reads of a line. */
export type AccountLine = Pick<ChargeLine, 'period' | 'amountTetri' | 'issuedOn'>

/** The account as it stood at the end of `asOf`: lines issued and payments made by then. */
export function payerAccount(
  lines: readonly AccountLine[],
  payments: readonly AccountPayment[],
  asOf: string,
  graceDays: number,
): PayerAccount {
  const net = new Map<string, number>()
  let chargedTetri = 0
  for (const l of lines) {
    if (l.issuedOn > asOf) continue
    net.set(l.period, (net.get(l.period) ?? 0) + l.amountTetri)
    chargedTetri += l.amountTetri
  }
  let paidTetri = 0
  for (const p of payments) if (p.paidOn <= asOf) paidTetri += p.amountTetri
  const open = openByAge(net, paidTetri, asOf, graceDays)
  return { chargedTetri, paidTetri, balanceTetri: chargedTetri - paidTetri, ...open }
}

export type OpenByAge = Pick<
  PayerAccount,
  'arrearsTetri' | 'ageing' | 'notDueTetri' | 'creditTetri' | 'periods'
>

/**
 * What stays open of each period's net once the payments and credits settle the oldest first, and
 * the overdue part by age at `asOf`. The payer card and the arrears ageing report both use it.
 */
export function openByAge(
  net: ReadonlyMap<string, number>,
  paidTetri: number,
  asOf: string,
  graceDays: number,
): OpenByAge {
  // A period that nets below zero (a correction larger than its charge) is a credit like a payment.
  let pool = paidTetri
  for (const amount of net.values()) if (amount < 0) pool -= amount

  const ageing: Record<ArrearsBucket, number> = {
    d0to30: 0,
    d31to90: 0,
    d91to180: 0,
    d181to365: 0,
    over365: 0,
  }
  let arrearsTetri = 0
  let notDueTetri = 0
  const periods: PeriodAccount[] = []
  for (const period of [...net.keys()].sort()) {
    const charged = net.get(period)!
    const owed = Math.max(0, charged)
    const settled = Math.min(pool, owed)
    pool -= settled
    const openTetri = owed - settled
    const dueOn = addDays(lastDayOf(period), graceDays)
    const daysOverdue = daysBetween(dueOn, asOf)
    if (openTetri > 0) {
      if (daysOverdue > 0) {
        arrearsTetri += openTetri
        ageing[bucketOf(daysOverdue)] += openTetri
      } else notDueTetri += openTetri
    }
    periods.push({ period, chargedTetri: charged, settledTetri: settled, openTetri, dueOn, daysOverdue })
  }
  return { arrearsTetri, ageing, notDueTetri, creditTetri: pool, periods }
}
