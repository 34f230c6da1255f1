import type { SanitationChargeLineRow } from './rows'

// The charge lines of a payer's account and the keys that keep them unique. Issued lines are never
// changed: a reversal, a correction or an amnesty is a new line that names the one it concerns.

export type ChargeLine = SanitationChargeLineRow & { id: string }

/**
 * One charge per payer and period: the n-th charge (counting from 0) may only exist when the n
 * before it were reversed, so two PCs billing the same month offline produce the same key and the
 * server refuses the second.
 */
export const chargeKey = (payerId: string, period: string, n: number): string =>
  `charge/${payerId}/${period}/${n}`
/** One correction of a charge per amending tariff version. */
export const correctionKey = (chargeLineId: string, tariffVersionId: string): string =>
  `correction/${chargeLineId}/${tariffVersionId}`
/** A line is reversed at most once. */
export const reversalKey = (lineId: string): string => `reversal/${lineId}`
/** An amnesty forgives a payer's period once. */
export const amnestyKey = (amnestyId: string, payerId: string, period: string): string =>
  `amnesty/${amnestyId}/${payerId}/${period}`

/** Ids of the lines some reversal cancels. */
export function reversedIds(lines: readonly ChargeLine[]): Set<string> {
  const ids = new Set<string>()
  for (const l of lines) if (l.kind === 'reversal' && l.relatedLineId !== null) ids.add(l.relatedLineId)
  return ids
}

/** A payer's standing in one period: its charges so far, and whether one is still in force. */
export interface PeriodStanding {
  /** Charge lines ever issued (reversed ones included): the next charge's `n`. */
  charges: number
  /** A charge that no reversal cancels. */
  charged: boolean
  /** The sum of every line of the period, reversals and corrections included. */
  netTetri: number
}

/** Payer id -> standing, from the lines of one period. */
export function standingsOf(lines: readonly ChargeLine[], period: string): Map<string, PeriodStanding> {
  const reversed = reversedIds(lines)
  const out = new Map<string, PeriodStanding>()
  for (const l of lines) {
    if (l.period !== period) continue
    let s = out.get(l.payerId)
    if (s === undefined) {
      s = { charges: 0, charged: false, netTetri: 0 }
      out.set(l.payerId, s)
    }
    s.netTetri += l.amountTetri
    if (l.kind === 'charge') {
      s.charges++
      if (!reversed.has(l.id)) s.charged = true
    }
  }
  return out
}
