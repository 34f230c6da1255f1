import { addMonths } from '../georgian/dates'
import { monthsPerInstalment, type RentSchedule } from './vocabulary'

export interface LeaseTerms {
  startDate: string
  endDate: string
  terminatedOn: string | null
  annualRentTetri: number
  schedule: RentSchedule
}

export interface Instalment {
  dueOn: string
  amountTetri: number
}

/**
 * The rent schedule: one instalment at the start of every period while the lease runs. Amounts are
 * whole tetri and the first n instalments always total exactly n periods' share of the annual rent,
 * so rounding never accumulates.
 */
export function rentSchedule(lease: LeaseTerms): Instalment[] {
  const months = monthsPerInstalment[lease.schedule]
  const lastDay =
    lease.terminatedOn && lease.terminatedOn < lease.endDate ? lease.terminatedOn : lease.endDate
  const instalments: Instalment[] = []
  // A lease longer than a century is a typing error that validation would have caught; stop anyway.
  for (let k = 0; k < 1200; k++) {
    const dueOn = addMonths(lease.startDate, k * months)
    if (dueOn > lastDay) break
    const amountTetri =
      cumulativeRent(lease.annualRentTetri, k + 1, months) - cumulativeRent(lease.annualRentTetri, k, months)
    instalments.push({ dueOn, amountTetri })
  }
  return instalments
}

const cumulativeRent = (annual: number, periods: number, months: number) =>
  Math.floor((annual * periods * months) / 12)

/** Rent fallen due on or before `asOf`. */
export function rentDueBy(lease: LeaseTerms, asOf: string): number {
  return rentSchedule(lease)
    .filter((i) => i.dueOn <= asOf)
    .reduce((sum, i) => sum + i.amountTetri, 0)
}

/** Rent fallen due within [from, to]. */
export function rentDueBetween(lease: LeaseTerms, from: string, to: string): number {
  return rentSchedule(lease)
    .filter((i) => i.dueOn >= from && i.dueOn <= to)
    .reduce((sum, i) => sum + i.amountTetri, 0)
}

/** What the tenant owes on `asOf`: due minus paid, never negative (an overpayment is not arrears). */
export function leaseArrears(lease: LeaseTerms, paidTetri: number, asOf: string): number {
  return Math.max(0, rentDueBy(lease, asOf) - paidTetri)
}
