import type { ChargeLine } from '../../../domain/sanitation/ledger'
import type { ChargeRules, Exemption, PayerForBilling } from '../../../domain/sanitation/monthlyCharge'
import { defaultSanitationSettings, defaultSocialBands } from '../../../domain/sanitation/referenceData'
import { activityRateCode, type TariffVersion } from '../../../domain/sanitation/tariff'

/** A valid UUIDv7-shaped id from a small number. */
export const uid = (n: number): string => `0190a3c0-0000-7000-8000-${String(n).padStart(12, '0')}`

export const UNIT_A = uid(9001)
export const UNIT_B = uid(9002)

export function version(over: Partial<TariffVersion> & { id: string }): TariffVersion {
  return {
    resolutionNumber: '45',
    resolutionDate: '2021-12-24',
    effectiveFrom: '2022-01-01',
    effectiveTo: null,
    householdRateTetri: 40,
    memberCap: 4,
    amendsVersionId: null,
    bandRates: new Map([['vulnerable', 20]]),
    activityRates: new Map([
      [activityRateCode('retail', 'sqm'), 25],
      [activityRateCode('catering', 'seat'), 150],
      [activityRateCode('hotel', 'bed'), 120],
    ]),
    ...over,
  }
}

export const household = (over: Partial<PayerForBilling> & { id: string }): PayerForBilling => ({
  kind: 'household',
  status: 'active',
  territorialUnitId: UNIT_A,
  registeredMembers: 3,
  socialScore: null,
  activityCategory: null,
  billingUnit: null,
  billingQuantity: null,
  billedFrom: '2020-01',
  closedOn: null,
  ...over,
})

export const organisation = (over: Partial<PayerForBilling> & { id: string }): PayerForBilling => ({
  kind: 'organisation',
  status: 'active',
  territorialUnitId: UNIT_A,
  registeredMembers: null,
  socialScore: null,
  activityCategory: 'retail',
  billingUnit: 'sqm',
  billingQuantity: 80,
  billedFrom: '2020-01',
  closedOn: null,
  ...over,
})

export const rules = (versions: TariffVersion[], exemptions: Exemption[] = []): ChargeRules => ({
  versions,
  bands: defaultSocialBands,
  exemptions,
  settings: defaultSanitationSettings,
})

/** Gives drafted lines ids, as the backend does when it writes them. */
export function withIds<T extends object>(rows: T[], first: number): (T & { id: string })[] {
  return rows.map((r, i) => ({ ...r, id: uid(first + i) }))
}

export function line(
  over: Partial<ChargeLine> & { id: string; payerId: string; period: string },
): ChargeLine {
  return {
    kind: 'charge',
    amountTetri: 120,
    tariffVersionId: uid(1),
    rateCode: 'household',
    rateTetri: 40,
    quantityHundredths: 300,
    registeredMembers: 3,
    reliefPercent: 0,
    exemptionId: null,
    amnestyId: null,
    legalBasis: 'basis',
    billingRunId: null,
    relatedLineId: null,
    issuedOn: `${over.period}-01`,
    lineKey: `charge/${over.payerId}/${over.period}/0`,
    ...over,
  }
}
