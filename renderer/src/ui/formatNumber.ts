import type { Language } from '../i18n/language'

const NBSP = '\u00a0'

/**
 * Counts and areas written the way formatGel writes lari: `12 345,5` in Georgian (no-break spaces,
 * decimal comma, always grouped, as in the money column beside it), `12,345.5` in English.
 */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 2): string {
  if (!Number.isFinite(value)) return String(value)
  const [whole = '0', fraction = ''] = Math.abs(value).toFixed(maximumFractionDigits).split('.')
  const trimmed = fraction.replace(/0+$/, '')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'ka' ? NBSP : ',')
  const sign = value < 0 && (Number(whole) > 0 || trimmed !== '') ? '-' : ''
  return trimmed === '' ? `${sign}${grouped}` : `${sign}${grouped}${language === 'ka' ? ',' : '.'}${trimmed}`
}
