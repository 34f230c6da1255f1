import { afterRelief, hundredths, rateTimesQuantity } from './arithmetic'
import { type LegalActFields, tariffBasis, withRelief } from './legalBasis'
import { firstDayOf } from './period'
import { bandOfScore, type SanitationSettings, type SocialBand } from './referenceData'
import {
  activityRateCode,
  bandRateCode,
  householdRateCode,
  rateOf,
  type TariffVersion,
  versionInForce,
} from './tariff'
import type { BillingUnit, ExemptionTarget, PayerKind, PayerStatus } from './vocabulary'

// The monthly fee of one payer for one period. Rules, in order:
// 1. the payer is billed from `billedFrom` through the month it closed; a vacant dwelling only when
//    the settings say so;
// 2. the tariff is the version in force on the period's first day (`versionInForce`);
// 3. a household pays per member, at most `memberCap` members counted, at its social band's rate
//    when its score falls in a band the version prices, otherwise at the full rate;
// 4. an organisation pays its category's rate per unit times its quantity;
// 5. of the exemptions covering the payer and period the largest relief applies (reliefs are not
//    added up); a full relief means no line at all;
// rounding: `arithmetic.ts` (half up, once per line).

export interface PayerForBilling {
  id: string
  kind: PayerKind
  status: PayerStatus
  territorialUnitId: string
  registeredMembers: number | null
  socialScore: number | null
  activityCategory: string | null
  billingUnit: BillingUnit | null
  billingQuantity: number | null
  billedFrom: string
  closedOn: string | null
}

export interface Exemption extends LegalActFields {
  id: string
  target: ExemptionTarget
  payerId: string | null
  targetCode: string | null
  reliefPercent: number
  fromPeriod: string
  toPeriod: string | null
}

export interface ChargeRules {
  versions: readonly TariffVersion[]
  bands: readonly SocialBand[]
  exemptions: readonly Exemption[]
  settings: SanitationSettings
}

export interface ComputedCharge {
  kind: 'charge'
  amountTetri: number
  tariffVersionId: string
  rateCode: string
  rateTetri: number
  quantityHundredths: number
  registeredMembers: number | null
  reliefPercent: number
  exemptionId: string | null
  legalBasis: string
}

export const SkipReason = ['notStarted', 'closed', 'vacant', 'noTariff', 'noRate', 'exempt', 'zero'] as const
export type SkipReason = (typeof SkipReason)[number]

export type MonthlyCharge = ComputedCharge | { kind: 'skip'; reason: SkipReason }

const skip = (reason: SkipReason): MonthlyCharge => ({ kind: 'skip', reason })

/** The exemption that applies: the largest relief among those covering the payer and the period. */
export function exemptionFor(
  payer: PayerForBilling,
  period: string,
  band: SocialBand | null,
  exemptions: readonly Exemption[],
): Exemption | null {
  let best: Exemption | null = null
  for (const e of exemptions) {
    if (period < e.fromPeriod || (e.toPeriod !== null && period > e.toPeriod)) continue
    const applies =
      (e.target === 'payer' && e.payerId === payer.id) ||
      (e.target === 'allHouseholds' && payer.kind === 'household') ||
      (e.target === 'activityCategory' &&
        payer.kind === 'organisation' &&
        e.targetCode === payer.activityCategory) ||
      (e.target === 'socialBand' && payer.kind === 'household' && band !== null && e.targetCode === band.code)
    if (!applies) continue
    if (
      best === null ||
      e.reliefPercent > best.reliefPercent ||
      (e.reliefPercent === best.reliefPercent && e.id < best.id)
    ) {
      best = e
    }
  }
  return best
}

/** Rate code, rate and quantity of a payer under a version, or the reason there is none. */
export function rateBasis(
  payer: PayerForBilling,
  version: TariffVersion,
  band: SocialBand | null,
): {
  rateCode: string
  rateTetri: number
  quantityHundredths: number
  registeredMembers: number | null
} | null {
  if (payer.kind === 'household') {
    const registered = payer.registeredMembers ?? 0
    const rateCode = band === null ? householdRateCode : bandRateCode(band.code)
    return {
      rateCode,
      rateTetri: rateOf(version, rateCode)!,
      quantityHundredths: Math.min(registered, version.memberCap) * 100,
      registeredMembers: registered,
    }
  }
  if (payer.activityCategory === null || payer.billingUnit === null || payer.billingQuantity === null)
    return null
  const rateCode = activityRateCode(payer.activityCategory, payer.billingUnit)
  const rateTetri = rateOf(version, rateCode)
  if (rateTetri === null) return null
  return {
    rateCode,
    rateTetri,
    quantityHundredths: hundredths(payer.billingQuantity),
    registeredMembers: null,
  }
}

// A billing run cites the same few versions hundreds of thousands of times.
const citations = new WeakMap<TariffVersion, Map<string, string>>()
function basisOf(sakrebuloGenitive: string, version: TariffVersion): string {
  let bySakrebulo = citations.get(version)
  if (bySakrebulo === undefined) {
    bySakrebulo = new Map()
    citations.set(version, bySakrebulo)
  }
  let text = bySakrebulo.get(sakrebuloGenitive)
  if (text === undefined) {
    text = tariffBasis(sakrebuloGenitive, version)
    bySakrebulo.set(sakrebuloGenitive, text)
  }
  return text
}

export function monthlyCharge(payer: PayerForBilling, period: string, rules: ChargeRules): MonthlyCharge {
  if (period < payer.billedFrom) return skip('notStarted')
  if (payer.closedOn !== null && period > payer.closedOn.slice(0, 7)) return skip('closed')
  if (payer.status === 'closed' && payer.closedOn === null) return skip('closed')
  if (payer.status === 'vacant' && !rules.settings.chargeVacant) return skip('vacant')
  const version = versionInForce(rules.versions, firstDayOf(period))
  if (version === null) return skip('noTariff')
  const band = payer.kind === 'household' ? bandOfScore(rules.bands, payer.socialScore) : null
  const basis = rateBasis(payer, version, band)
  if (basis === null) return skip('noRate')
  const exemption = exemptionFor(payer, period, band, rules.exemptions)
  const reliefPercent = exemption?.reliefPercent ?? 0
  if (reliefPercent === 100) return skip('exempt')
  const amountTetri = afterRelief(rateTimesQuantity(basis.rateTetri, basis.quantityHundredths), reliefPercent)
  if (amountTetri === 0) return skip('zero')
  return {
    kind: 'charge',
    amountTetri,
    tariffVersionId: version.id,
    ...basis,
    reliefPercent,
    exemptionId: exemption?.id ?? null,
    legalBasis: withRelief(basisOf(rules.settings.sakrebuloGenitive, version), exemption),
  }
}
