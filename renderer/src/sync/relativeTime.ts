import { formatDateTime } from '../../../domain/georgian'

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

type Translate = (key: string, options: { count: number }) => string

/**
 * "2 წუთის წინ" / "2 min ago" from our own strings (`sync.ago.*`): Debian's Chromium has no Georgian
 * data for Intl.RelativeTimeFormat and would say "2 minutes ago" in a Georgian screen. Older than a
 * week, the date and time. A time slightly in the future (the PC's clock is behind) reads as now.
 */
export function relativeTime(atIso: string, nowMs: number, t: Translate): string {
  const at = Date.parse(atIso)
  if (Number.isNaN(at)) return atIso
  const ago = Math.max(0, Math.round((nowMs - at) / 1000))
  if (ago < 45) return t('sync.ago.now', { count: 0 })
  if (ago < 45 * MINUTE) return t('sync.ago.minutes', { count: Math.max(1, Math.round(ago / MINUTE)) })
  if (ago < 22 * HOUR) return t('sync.ago.hours', { count: Math.round(ago / HOUR) })
  if (ago < 7 * DAY) return t('sync.ago.days', { count: Math.round(ago / DAY) })
  return formatDateTime(atIso)
}
