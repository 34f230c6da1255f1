import { useTranslation } from 'react-i18next'
import { formatDate, isIsoDate, parseDate } from '../../../domain/georgian'
import { ParsedTextInput, type ParsedTextInputProps } from './ParsedTextInput'

type Props = Omit<ParsedTextInputProps, 'parse' | 'formatValue' | 'emptyValue' | 'error'> & {
  nullable?: boolean
  /** An i18n key from the form's schema. */
  error?: string
}

const display = (value: unknown): string =>
  typeof value === 'string' ? (isIsoDate(value) ? formatDate(value) : value) : ''

/** A date typed as dd.MM.yyyy; the form holds the ISO date (or the text, which fails as a date). */
export function DateInput({ nullable = false, error, ...props }: Props) {
  const { t } = useTranslation()
  return (
    <ParsedTextInput
      placeholder={t('georgian.datePlaceholder')}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      {...props}
      error={error ? t(error) : undefined}
      parse={parseDate}
      formatValue={display}
      emptyValue={nullable ? null : undefined}
    />
  )
}
