import { queryOptions, useQuery } from '@tanstack/react-query'
import type { TerritorialUnit } from '../../../domain/reference/territorialUnits'
import { api } from '../api/api'
import { unwrap } from '../app/apiFailure'
import type { Language } from '../i18n/language'

const territorialUnitsQuery = queryOptions({
  queryKey: ['reference', 'territorialUnits'],
  queryFn: () => unwrap(api.reference.territorialUnits({})),
  staleTime: 5 * 60_000,
})

/** Rustavi's territorial units (reference data an administrator edits). */
export const useTerritorialUnits = () => useQuery(territorialUnitsQuery)

export const unitName = (unit: TerritorialUnit, language: Language): string =>
  language === 'ka' ? unit.nameKa : unit.nameEn

/** id -> name in the current language, for lists and reports that only carry the id. */
export function useUnitNames(language: Language): (id: string) => string {
  const { data } = useTerritorialUnits()
  return (id) => {
    const unit = data?.find((u) => u.id === id)
    return unit ? unitName(unit, language) : '—'
  }
}
