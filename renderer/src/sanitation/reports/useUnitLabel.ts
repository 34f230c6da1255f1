import { useCallback } from 'react'
import type { Language } from '../../i18n/language'
import { unitName, useTerritorialUnits } from '../../reference/territorialUnits'

/** id -> unit name, the same function until the units or the language change (charts memoize on it). */
export function useUnitLabel(language: Language): (id: string) => string {
  const { data } = useTerritorialUnits()
  return useCallback(
    (id: string) => {
      const unit = data?.find((u) => u.id === id)
      return unit ? unitName(unit, language) : '—'
    },
    [data, language],
  )
}
