import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { formatGel, parseGel } from '../../../domain/georgian'
import { asLanguage } from '../i18n/language'
import { ParsedTextInput, type ParsedTextInputProps } from './ParsedTextInput'

type Props = Omit<ParsedTextInputProps, 'parse' | 'formatValue' | 'emptyValue' | 'error'> & {
  nullable?: boolean
  /** An i18n key from the form's schema. */
  error?: string
}

/**
 * An amount typed in lari ('12 500,50'); the form holds integer tetri. Text that is no amount
 * reaches the schema as text, whose type error is shown as the money message.
 */
export function MoneyInput({ nullable = false, error, ...props }: Props) {
  const { t, i18n } = useTranslation()
  const language = asLanguage(i18n.language)
  const display = useCallback(
    (value: unknown): string =>
      typeof value === 'number' && Number.isSafeInteger(value)
        ? formatGel(value, language).replace(/\s*₾\s*/, '')
        : typeof value === 'string'
          ? value
          : '',
    [language],
  )
  const message = error === 'validation.invalidType' ? 'georgian.money.invalid' : error
  return (
    <ParsedTextInput
      inputMode="decimal"
      autoComplete="off"
      rightSection={<span aria-hidden="true">₾</span>}
      {...props}
      error={message ? t(message) : undefined}
      parse={parseGel}
      formatValue={display}
      emptyValue={nullable ? null : undefined}
    />
  )
}
