import type { BillingUnit } from './vocabulary'

// A tariff version as the calculators see it: the version row with its rates gathered in.

export interface TariffVersion {
  id: string
  resolutionNumber: string
  resolutionDate: string
  effectiveFrom: string
  effectiveTo: string | null
  householdRateTetri: number
  memberCap: number
  amendsVersionId: string | null
  /** Social band code -> rate per counted member per month. */
  bandRates: ReadonlyMap<string, number>
  /** `activityRateCode(category, unit)` -> rate per unit per month. */
  activityRates: ReadonlyMap<string, number>
}

export const activityRateCode = (category: string, unit: BillingUnit): string =>
  `activity:${category}:${unit}`
export const bandRateCode = (band: string): string => `band:${band}`
export const householdRateCode = 'household'

/**
 * The rate a version sets for a rate code, or null when the version has no such rate. A band the
 * version does not price pays the full household rate.
 */
export function rateOf(version: TariffVersion, rateCode: string): number | null {
  if (rateCode === householdRateCode) return version.householdRateTetri
  if (rateCode.startsWith('band:'))
    return version.bandRates.get(rateCode.slice(5)) ?? version.householdRateTetri
  if (rateCode.startsWith('activity:')) return version.activityRates.get(rateCode) ?? null
  return null
}

const covers = (version: TariffVersion, day: string): boolean =>
  version.effectiveFrom <= day && (version.effectiveTo === null || day <= version.effectiveTo)

/**
 * The version in force on a day: of the versions covering it, the one adopted last (a later
 * resolution, including a retroactive amendment, replaces an earlier one); on the same resolution
 * date the one effective later, then the greater id, so the choice never depends on input order.
 */
export function versionInForce(versions: readonly TariffVersion[], day: string): TariffVersion | null {
  let best: TariffVersion | null = null
  for (const v of versions) {
    if (!covers(v, day)) continue
    if (
      best === null ||
      v.resolutionDate > best.resolutionDate ||
      (v.resolutionDate === best.resolutionDate &&
        (v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.id > best.id)))
    ) {
      best = v
    }
  }
  return best
}

/**
 * Versions adopted on the same day that cover a common day: the choice between them would rest on
 * their ids alone, so an administrator must settle it. Pairs of ids.
 */
export function conflictingVersions(versions: readonly TariffVersion[]): [string, string][] {
  const out: [string, string][] = []
  for (let i = 0; i < versions.length; i++) {
    for (let j = i + 1; j < versions.length; j++) {
      const a = versions[i]!
      const b = versions[j]!
      if (a.resolutionDate !== b.resolutionDate || a.effectiveFrom !== b.effectiveFrom) continue
      out.push([a.id, b.id])
    }
  }
  return out
}
