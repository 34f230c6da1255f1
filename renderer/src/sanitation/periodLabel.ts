import { monthNamesEnglish, monthNamesNominative } from '../../../domain/georgian/dates'
import { addPeriods } from '../../../domain/sanitation/period'
import type { Language } from '../i18n/language'

/** "მარტი 2026" / "March 2026" for the period "2026-03". */
export function periodLabel(period: string, language: Language): string {
  const month = Number(period.slice(5, 7))
  const names = language === 'ka' ? monthNamesNominative : monthNamesEnglish
  return `${names[month - 1] ?? period} ${period.slice(0, 4)}`
}

/** The periods a head picks from: the next one back to `count` before the current one, newest first. */
export function recentPeriods(current: string, count: number): string[] {
  return Array.from({ length: count + 2 }, (_, i) => addPeriods(current, 1 - i))
}
