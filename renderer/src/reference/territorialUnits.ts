import { queryOptions, useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
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

/**
 * id -> name in the current language, for lists and reports that only carry the id; the same
 * function until the units or the language change (charts memoize on it).
 */
export function useUnitNames(language: Language): (id: string) => string {
  const { data } = useTerritorialUnits()
  return useCallback(
    (id: string) => {
      const unit = data?.find((u) => u.id === id)
      return unit ? unitName(unit, language) : '—'
    },
    [data, language],
  )
}
