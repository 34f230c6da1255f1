import type { Language } from '../../i18n/language'

/** Paid as a share of charged, or null when nothing was charged. */
export const collectionRate = (paidTetri: number, chargedTetri: number): number | null =>
  chargedTetri > 0 ? paidTetri / chargedTetri : null

/** "87,3%" / "87.3%"; a dash when there is no rate. */
export function formatRate(rate: number | null, language: Language): string {
  if (rate === null) return '—'
  const text = (rate * 100).toFixed(1)
  return `${language === 'ka' ? text.replace('.', ',') : text}%`
}
