import { z } from 'zod'
import { Id } from '../text'
import { Period } from './period'
import { PayerKind } from './vocabulary'

// What the head's reports answer (besides `CollectionReport` in views.ts). Money: whole tetri.
// Every report's totals are the sums of its lines, added from the same integer rows.

const Int = z.number().int()

export const PeriodRange = z
  .object({ fromPeriod: Period, toPeriod: Period })
  .strict()
  .refine((r) => r.fromPeriod <= r.toPeriod, {
    path: ['toPeriod'],
    message: 'sanitation.period.endBeforeStart',
  })

/** Charged in the periods of the range and paid in its months, per territorial unit of the payer. */
export const UnitCollectionReport = z
  .object({
    units: z.array(z.object({ territorialUnitId: Id, chargedTetri: Int, paidTetri: Int }).strict()),
    chargedTetri: Int,
    paidTetri: Int,
  })
  .strict()
export type UnitCollectionReport = z.infer<typeof UnitCollectionReport>

const Ageing = { d0to30: Int, d31to90: Int, d91to180: Int, d181to365: Int, over365: Int }

/** Overdue open amounts by their age (oldest period settled first), per territorial unit. */
export const ArrearsAgeingReport = z
  .object({
    asOf: z.string(),
    units: z.array(z.object({ territorialUnitId: Id, debtors: Int, ...Ageing, totalTetri: Int }).strict()),
    totals: z.object({ debtors: Int, ...Ageing, totalTetri: Int }).strict(),
  })
  .strict()
export type ArrearsAgeingReport = z.infer<typeof ArrearsAgeingReport>

export const TopDebtorsQuery = z
  .object({
    territorialUnitId: Id.nullable().default(null),
    limit: z.number().int().min(1).max(1_000).default(50),
  })
  .strict()

export const TopDebtorsReport = z
  .object({
    rows: z.array(
      z
        .object({
          payerId: Id,
          paymentCode: z.string(),
          name: z.string(),
          kind: PayerKind,
          territorialUnitId: Id,
          balanceTetri: Int,
          arrearsTetri: Int,
        })
        .strict(),
    ),
    arrearsTetri: Int,
    balanceTetri: Int,
  })
  .strict()
export type TopDebtorsReport = z.infer<typeof TopDebtorsReport>
