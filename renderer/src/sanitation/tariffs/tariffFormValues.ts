import type { SanitationReferenceView, TariffVersionView } from '../../../../domain/sanitation/editSchemas'
import type { TariffVersionFields } from '../../../../domain/sanitation/schemas'

/**
 * A new version's form, started from the version in force: every social band and every activity
 * category gets a row (a band the current version does not price starts at the full rate, which
 * is what it pays now), so the administrator changes figures rather than re-typing a tariff.
 */
export function tariffFormFrom(
  current: TariffVersionView | undefined,
  reference: SanitationReferenceView,
  today: string,
): Partial<TariffVersionFields> {
  const householdRateTetri = current?.householdRateTetri
  return {
    resolutionNumber: '',
    resolutionDate: today,
    effectiveFrom: undefined,
    effectiveTo: null,
    householdRateTetri,
    memberCap: current?.memberCap ?? 4,
    amendsVersionId: null,
    note: '',
    bandRates: reference.socialBands.map((b) => ({
      band: b.code,
      rateTetri: current?.bandRates.find((r) => r.band === b.code)?.rateTetri ?? householdRateTetri ?? 0,
    })),
    activityRates: reference.activityCategories.map((c) => ({
      category: c.code,
      unit: c.unit,
      rateTetri:
        current?.activityRates.find((r) => r.category === c.code && r.unit === c.unit)?.rateTetri ?? 0,
    })),
  }
}
