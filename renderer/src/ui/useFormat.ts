import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime, formatGel } from '../../../domain/georgian'
import { asLanguage } from '../i18n/language'
import { formatNumber } from './formatNumber'

const NONE = '—'

/** Formatters bound to the current language; every figure on screen goes through one of them. */
export function useFormat() {
  const { i18n, t } = useTranslation()
  const language = asLanguage(i18n.resolvedLanguage ?? i18n.language)
  return useMemo(
    () => ({
      language,
      money: (tetri: number | null | undefined) => (tetri == null ? NONE : formatGel(tetri, language)),
      date: (iso: string | null | undefined) => (iso ? formatDate(iso) : NONE),
      dateTime: (at: string | null | undefined) => (at ? formatDateTime(at) : NONE),
      number: (value: number | null | undefined) => (value == null ? NONE : formatNumber(value, language)),
      area: (sqm: number | null | undefined) =>
        sqm == null ? NONE : `${formatNumber(sqm, language)} ${t('georgian.squareMetres')}`,
      text: (value: string | null | undefined) => (value == null || value.trim() === '' ? NONE : value),
    }),
    [language, t],
  )
}

export type Format = ReturnType<typeof useFormat>
