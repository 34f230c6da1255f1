import { type ChargeLine, chargeKey, standingsOf } from './ledger'
import { type ChargeRules, monthlyCharge, type PayerForBilling, type SkipReason } from './monthlyCharge'
import { addPeriods } from './period'
import type { SanitationChargeLineRow } from './rows'

// A billing run: the charge lines of one period for every payer in scope (all of the city, or one
// territorial unit). Re-running it is harmless: a payer with a charge in force for the period gets
// no new line, so a run cancelled half-way is finished by running it again.

export interface BillingRequest {
  period: string
  /** Null: every territorial unit. */
  territorialUnitId: string | null
  billingRunId: string
  issuedOn: string
}

export type BillingOutcome = SkipReason | 'alreadyCharged'

export interface BillingPlan {
  /** Payers in the run's scope. */
  payerCount: number
  lines: SanitationChargeLineRow[]
  totalTetri: number
  /** How many payers got no line, by reason. */
  skipped: Record<BillingOutcome, number>
}

const noSkips = (): Record<BillingOutcome, number> => ({
  notStarted: 0,
  closed: 0,
  vacant: 0,
  noTariff: 0,
  noRate: 0,
  exempt: 0,
  zero: 0,
  alreadyCharged: 0,
})

const inScope = (request: { territorialUnitId: string | null }) => (p: PayerForBilling) =>
  request.territorialUnitId === null || p.territorialUnitId === request.territorialUnitId

/** `linesOfPeriod`: the lines already issued for the period (any kind, any run). */
export function planBilling(
  request: BillingRequest,
  payers: readonly PayerForBilling[],
  rules: ChargeRules,
  linesOfPeriod: readonly ChargeLine[],
): BillingPlan {
  const standings = standingsOf(linesOfPeriod, request.period)
  const skipped = noSkips()
  const lines: SanitationChargeLineRow[] = []
  let payerCount = 0
  let totalTetri = 0
  for (const payer of payers) {
    if (!inScope(request)(payer)) continue
    payerCount++
    const standing = standings.get(payer.id)
    if (standing?.charged) {
      skipped.alreadyCharged++
      continue
    }
    const charge = monthlyCharge(payer, request.period, rules)
    if (charge.kind === 'skip') {
      skipped[charge.reason]++
      continue
    }
    totalTetri += charge.amountTetri
    lines.push({
      payerId: payer.id,
      period: request.period,
      kind: 'charge',
      amountTetri: charge.amountTetri,
      tariffVersionId: charge.tariffVersionId,
      rateCode: charge.rateCode,
      rateTetri: charge.rateTetri,
      quantityHundredths: charge.quantityHundredths,
      registeredMembers: charge.registeredMembers,
      reliefPercent: charge.reliefPercent,
      exemptionId: charge.exemptionId,
      amnestyId: null,
      legalBasis: charge.legalBasis,
      billingRunId: request.billingRunId,
      relatedLineId: null,
      issuedOn: request.issuedOn,
      lineKey: chargeKey(payer.id, request.period, standing?.charges ?? 0),
    })
  }
  return { payerCount, lines, totalTetri, skipped }
}

export interface PayerChange {
  payerId: string
  previousTetri: number
  currentTetri: number
}

export interface BillingPreview {
  period: string
  payerCount: number
  /** New charge lines the run would write, and their total. */
  newLines: number
  newTetri: number
  skipped: Record<BillingOutcome, number>
  /** The period as it would stand after the run (existing lines plus the new ones), per payer in scope. */
  chargedPayers: number
  totalTetri: number
  previous: { period: string; chargedPayers: number; totalTetri: number }
  /** Charged now, not in the previous period; and the other way round. */
  newlyCharged: number
  noLongerCharged: number
  /** Charged in both periods, with a different amount. */
  changedAmount: number
  /** The largest differences first (at most `maxChanges`). */
  largestChanges: PayerChange[]
}

/** What a run would do, compared with the month before; nothing is written. */
export function billingPreview(
  request: Omit<BillingRequest, 'billingRunId'>,
  payers: readonly PayerForBilling[],
  rules: ChargeRules,
  linesOfPeriod: readonly ChargeLine[],
  linesOfPreviousPeriod: readonly ChargeLine[],
  maxChanges = 20,
): BillingPreview {
  const plan = planBilling({ ...request, billingRunId: '' }, payers, rules, linesOfPeriod)
  const previousPeriod = addPeriods(request.period, -1)
  const current = new Map<string, number>()
  for (const [payerId, s] of standingsOf(linesOfPeriod, request.period)) current.set(payerId, s.netTetri)
  for (const l of plan.lines) current.set(l.payerId, (current.get(l.payerId) ?? 0) + l.amountTetri)
  const previous = new Map<string, number>()
  for (const [payerId, s] of standingsOf(linesOfPreviousPeriod, previousPeriod))
    previous.set(payerId, s.netTetri)

  const scope = new Set(payers.filter(inScope(request)).map((p) => p.id))
  const summary = (m: Map<string, number>) => {
    let chargedPayers = 0
    let totalTetri = 0
    for (const [payerId, amount] of m) {
      if (!scope.has(payerId)) continue
      totalTetri += amount
      if (amount !== 0) chargedPayers++
    }
    return { chargedPayers, totalTetri }
  }
  let newlyCharged = 0
  let noLongerCharged = 0
  let changedAmount = 0
  const changes: PayerChange[] = []
  for (const payerId of scope) {
    const now = current.get(payerId) ?? 0
    const before = previous.get(payerId) ?? 0
    if (now === before) continue
    if (before === 0) newlyCharged++
    else if (now === 0) noLongerCharged++
    else changedAmount++
    changes.push({ payerId, previousTetri: before, currentTetri: now })
  }
  changes.sort(
    (a, b) =>
      Math.abs(b.currentTetri - b.previousTetri) - Math.abs(a.currentTetri - a.previousTetri) ||
      (a.payerId < b.payerId ? -1 : 1),
  )
  return {
    period: request.period,
    payerCount: plan.payerCount,
    newLines: plan.lines.length,
    newTetri: plan.totalTetri,
    skipped: plan.skipped,
    ...summary(current),
    previous: { period: previousPeriod, ...summary(previous) },
    newlyCharged,
    noLongerCharged,
    changedAmount,
    largestChanges: changes.slice(0, maxChanges),
  }
}
