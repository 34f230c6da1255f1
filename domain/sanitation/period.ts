import { z } from 'zod'
import { daysInMonth } from '../georgian/dates'

// A billing period is a calendar month, written `yyyy-MM`. Periods compare as strings.

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/

export const Period = z
  .string()
  .regex(PERIOD, 'sanitation.period.invalid')
  .refine((p) => {
    const year = Number(p.slice(0, 4))
    return year >= 1990 && year <= 2100
  }, 'sanitation.period.invalid')
export type Period = z.infer<typeof Period>

export const isPeriod = (s: string): boolean => Period.safeParse(s).success

const indexOf = (period: string): number => {
  const m = PERIOD.exec(period)
  if (!m) throw new RangeError(`not a period: ${period}`)
  return Number(m[1]) * 12 + Number(m[2]) - 1
}

const periodAt = (index: number): string => {
  const year = Math.floor(index / 12)
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`
}

/** The period a date falls in: '2025-03-17' -> '2025-03'. */
export const periodOfDate = (iso: string): string => iso.slice(0, 7)

/** The period's first day: the day whose tariff applies to the whole month. */
export const firstDayOf = (period: string): string => `${periodAt(indexOf(period))}-01`

export function lastDayOf(period: string): string {
  const index = indexOf(period)
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  return `${periodAt(index)}-${String(daysInMonth(year, month)).padStart(2, '0')}`
}

export const addPeriods = (period: string, n: number): string => periodAt(indexOf(period) + n)

/** Signed number of months from `a` to `b`. */
export const periodsBetween = (a: string, b: string): number => indexOf(b) - indexOf(a)

/** Every period from `from` to `to`, both included; empty when `to` is earlier. */
export function periodRange(from: string, to: string): string[] {
  const out: string[] = []
  for (let i = indexOf(from); i <= indexOf(to); i++) out.push(periodAt(i))
  return out
}
