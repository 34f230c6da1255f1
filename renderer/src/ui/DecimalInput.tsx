import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { asLanguage } from '../i18n/language'
import { ParsedTextInput, type ParsedTextInputProps } from './ParsedTextInput'
import { parseDecimal } from './parseDecimal'

type Props = Omit<ParsedTextInputProps, 'parse' | 'formatValue' | 'emptyValue' | 'error'> & {
  nullable?: boolean
  error?: string
}

/** A quantity such as an area, typed with a decimal comma or point. */
export function DecimalInput({ nullable = false, error, ...props }: Props) {
  const { t, i18n } = useTranslation()
  const language = asLanguage(i18n.language)
  const display = useCallback(
    (value: unknown): string =>
      typeof value === 'number'
        ? language === 'ka'
          ? String(value).replace('.', ',')
          : String(value)
        : typeof value === 'string'
          ? value
          : '',
    [language],
  )
  const message = error === 'validation.invalidType' ? 'validation.number' : error
  return (
    <ParsedTextInput
      inputMode="decimal"
      autoComplete="off"
      {...props}
      error={message ? t(message) : undefined}
      parse={parseDecimal}
      formatValue={display}
      emptyValue={nullable ? null : undefined}
    />
  )
}
