import { TextInput, type TextInputProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ParsedTextInput, type ParsedTextInputProps } from '../../ui/ParsedTextInput'

// Small inputs the sanitation forms share: optional text that is null when empty, whole numbers,
// and billing periods (yyyy-MM). Parsing only; every rule is the domain schema's.

type Parsed = Omit<ParsedTextInputProps, 'parse' | 'formatValue' | 'emptyValue' | 'error'> & {
  nullable?: boolean
  /** An i18n key from the form's schema. */
  error?: string
}

const asText = (value: unknown): string =>
  typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''

/** A whole number (members, a social score, a percent). */
export function WholeNumberInput({ nullable = false, error, ...props }: Parsed) {
  const { t } = useTranslation()
  const message = error === 'validation.invalidType' ? 'validation.number' : error
  return (
    <ParsedTextInput
      inputMode="numeric"
      autoComplete="off"
      {...props}
      error={message ? t(message) : undefined}
      parse={(text) => (/^\s*\d{1,9}\s*$/.test(text) ? Number(text) : null)}
      formatValue={asText}
      emptyValue={nullable ? null : undefined}
    />
  )
}

/** A billing period typed as yyyy-MM (or MM.yyyy, as on paper). */
export function PeriodInput({ nullable = false, error, ...props }: Parsed) {
  const { t } = useTranslation()
  return (
    <ParsedTextInput
      autoComplete="off"
      maxLength={7}
      placeholder={t('sanitation.forms.periodPlaceholder')}
      {...props}
      error={error ? t(error) : undefined}
      parse={(text) => {
        const paper = /^\s*(\d{2})\.(\d{4})\s*$/.exec(text)
        return paper ? `${paper[2]}-${paper[1]}` : text.trim()
      }}
      formatValue={asText}
      emptyValue={nullable ? null : undefined}
    />
  )
}

/** Optional one-line text that the record holds as null when nothing was typed. */
export function NullableTextInput({
  value,
  onChange,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string | null | undefined
  onChange(v: string | null): void
}) {
  return (
    <TextInput
      autoComplete="off"
      {...props}
      value={value ?? ''}
      onChange={(event) =>
        onChange(event.currentTarget.value.trim() === '' ? null : event.currentTarget.value)
      }
    />
  )
}
