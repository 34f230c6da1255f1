import { formatDateTime } from '../../../domain/georgian'
import type { Language } from '../i18n/language'

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * "2 წუთის წინ" / "2 minutes ago", by the browser's own Intl data for the language; older than a
 * week, the date and time. A time slightly in the future (the PC's clock is behind) reads as now.
 */
export function relativeTime(atIso: string, nowMs: number, language: Language): string {
  const at = Date.parse(atIso)
  if (Number.isNaN(at)) return atIso
  const seconds = Math.min(0, Math.round((at - nowMs) / 1000))
  const ago = -seconds
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  if (ago < 45) return format.format(0, 'second')
  if (ago < 45 * MINUTE) return format.format(-Math.max(1, Math.round(ago / MINUTE)), 'minute')
  if (ago < 22 * HOUR) return format.format(-Math.round(ago / HOUR), 'hour')
  if (ago < 7 * DAY) return format.format(-Math.round(ago / DAY), 'day')
  return formatDateTime(atIso)
}
