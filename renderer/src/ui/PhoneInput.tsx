import { useTranslation } from 'react-i18next'
import { normalisePhone } from '../../../domain/georgian'
import { ParsedTextInput, type ParsedTextInputProps } from './ParsedTextInput'

type Props = Omit<ParsedTextInputProps, 'parse' | 'formatValue' | 'emptyValue' | 'error'> & { error?: string }

const display = (value: unknown): string => (typeof value === 'string' ? value : '')

/** A phone number as typed ('599 12 34 56'); the form holds it normalised to +995. Optional. */
export function PhoneInput({ error, ...props }: Props) {
  const { t } = useTranslation()
  return (
    <ParsedTextInput
      type="tel"
      autoComplete="off"
      {...props}
      error={error ? t(error) : undefined}
      parse={normalisePhone}
      formatValue={display}
      emptyValue={null}
    />
  )
}
