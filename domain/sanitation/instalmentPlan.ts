import { addMonths } from '../georgian/dates'

// An instalment plan spreads arrears over months (Tbilisi's practice: up to 12). The first k
// instalments always total exactly k/n of the debt, rounded down, so no tetri is lost or invented
// and no two instalments differ by more than one tetri.

export interface Instalment {
  number: number
  dueOn: string
  amountTetri: number
}

export function instalmentSchedule(
  totalTetri: number,
  instalments: number,
  firstDueOn: string,
): Instalment[] {
  if (!Number.isSafeInteger(totalTetri) || totalTetri <= 0) throw new RangeError(`not a debt: ${totalTetri}`)
  if (!Number.isInteger(instalments) || instalments < 1) throw new RangeError(`not a count: ${instalments}`)
  const upTo = (k: number) => Math.floor((totalTetri * k) / instalments)
  return Array.from({ length: instalments }, (_, i) => ({
    number: i + 1,
    dueOn: addMonths(firstDueOn, i),
    amountTetri: upTo(i + 1) - upTo(i),
  }))
}

export interface PlanStanding {
  dueTetri: number
  paidTetri: number
  /** Instalments fallen due and not covered by what was paid towards the plan. */
  missedInstalments: number
  next: Instalment | null
  /** Two missed instalments break a plan (default rule; the resolution may say otherwise). */
  defaulted: boolean
  completed: boolean
}

/** `paidTetri`: what the payer paid since the plan was agreed. Payments cover instalments in order. */
export function planStanding(
  schedule: readonly Instalment[],
  paidTetri: number,
  asOf: string,
  missedToDefault = 2,
): PlanStanding {
  let covered = paidTetri
  let dueTetri = 0
  let missedInstalments = 0
  let next: Instalment | null = null
  for (const i of schedule) {
    const paidOff = covered >= i.amountTetri
    covered = Math.max(0, covered - i.amountTetri)
    if (i.dueOn <= asOf) {
      dueTetri += i.amountTetri
      if (!paidOff) missedInstalments++
    } else if (next === null && !paidOff) next = i
  }
  const total = schedule.reduce((s, i) => s + i.amountTetri, 0)
  return {
    dueTetri,
    paidTetri,
    missedInstalments,
    next,
    defaulted: missedInstalments >= missedToDefault,
    completed: paidTetri >= total,
  }
}
