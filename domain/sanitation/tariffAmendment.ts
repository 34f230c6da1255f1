import { afterRelief, rateTimesQuantity } from './arithmetic'
import { type ChargeLine, correctionKey, reversedIds } from './ledger'
import { tariffBasis } from './legalBasis'
import { firstDayOf } from './period'
import type { SanitationChargeLineRow } from './rows'
import { rateOf, type TariffVersion, versionInForce } from './tariff'

// A retroactive tariff amendment never rewrites an issued charge: each charge of a period the
// amendment now governs gets one correction line, the difference between what the amendment makes
// it and what the payer is charged for it so far (the charge plus its earlier corrections).

export interface AmendmentResult {
  lines: SanitationChargeLineRow[]
  /** Charges the amendment has no rate for: left as they are, for an administrator to settle. */
  withoutRate: string[]
}

/** What a charge comes to under a version, from the basis the line recorded. */
export function amountUnder(version: TariffVersion, line: ChargeLine): number | null {
  const rate = rateOf(version, line.rateCode)
  if (rate === null) return null
  const quantity =
    line.registeredMembers === null
      ? line.quantityHundredths
      : Math.min(line.registeredMembers, version.memberCap) * 100
  return afterRelief(rateTimesQuantity(rate, quantity), line.reliefPercent)
}

/**
 * `versions`: every version, the amendment included; `lines`: every line of the periods concerned.
 * Running it again gives no new lines.
 */
export function amendmentCorrections(
  amendment: TariffVersion,
  versions: readonly TariffVersion[],
  lines: readonly ChargeLine[],
  options: { sakrebuloGenitive: string; issuedOn: string; billingRunId: string | null },
): AmendmentResult {
  const reversed = reversedIds(lines)
  const governed = new Map<string, boolean>()
  const governs = (period: string) => {
    let g = governed.get(period)
    if (g === undefined) {
      g = versionInForce(versions, firstDayOf(period))?.id === amendment.id
      governed.set(period, g)
    }
    return g
  }
  const corrections = new Map<string, ChargeLine[]>()
  for (const l of lines) {
    if (l.kind !== 'correction' || l.relatedLineId === null || reversed.has(l.id)) continue
    const list = corrections.get(l.relatedLineId) ?? []
    list.push(l)
    corrections.set(l.relatedLineId, list)
  }
  const basis = tariffBasis(options.sakrebuloGenitive, amendment)
  const out: SanitationChargeLineRow[] = []
  const withoutRate: string[] = []
  for (const charge of lines) {
    if (charge.kind !== 'charge' || reversed.has(charge.id) || !governs(charge.period)) continue
    const earlier = corrections.get(charge.id) ?? []
    const key = correctionKey(charge.id, amendment.id)
    if (earlier.some((c) => c.lineKey === key)) continue
    const target = amountUnder(amendment, charge)
    if (target === null) {
      withoutRate.push(charge.id)
      continue
    }
    const net = earlier.reduce((s, c) => s + c.amountTetri, charge.amountTetri)
    if (target === net) continue
    const rateTetri = rateOf(amendment, charge.rateCode)!
    out.push({
      payerId: charge.payerId,
      period: charge.period,
      kind: 'correction',
      amountTetri: target - net,
      tariffVersionId: amendment.id,
      rateCode: charge.rateCode,
      rateTetri,
      quantityHundredths:
        charge.registeredMembers === null
          ? charge.quantityHundredths
          : Math.min(charge.registeredMembers, amendment.memberCap) * 100,
      registeredMembers: charge.registeredMembers,
      reliefPercent: charge.reliefPercent,
      exemptionId: charge.exemptionId,
      amnestyId: null,
      legalBasis: basis,
      billingRunId: options.billingRunId,
      relatedLineId: charge.id,
      issuedOn: options.issuedOn,
      lineKey: key,
    })
  }
  return { lines: out, withoutRate }
}
