import { Checkbox, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { unitName, useTerritorialUnits } from '../reference/territorialUnits'
import { ChoiceSelect } from '../ui/ChoiceSelect'
import { DateInput } from '../ui/DateInput'
import { DecimalInput } from '../ui/DecimalInput'
import { MoneyInput } from '../ui/MoneyInput'
import { useFormat } from '../ui/useFormat'
import { choiceFields, type FieldKind, type FieldValue } from './recordFields'

interface Props {
  field: string
  kind: Exclude<FieldKind, 'readOnly'>
  /** The value as it was saved: an empty saved value may be left empty. */
  saved: FieldValue
  label: string
  value: unknown
  onChange(value: unknown): void
  onBlur(): void
  /** An i18n key from the field's schema or the backend. */
  error?: string
  autoFocus?: boolean
}

/** One field of a saved change, with the same input the registry's own form uses for it. */
export function FieldValueInput({
  field,
  kind,
  saved,
  label,
  value,
  onChange,
  onBlur,
  error,
  autoFocus,
}: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const units = useTerritorialUnits()
  const nullable = saved === null
  const common = { label, onBlur, 'data-autofocus': autoFocus ? true : undefined }
  switch (kind) {
    case 'money':
      return <MoneyInput {...common} nullable={nullable} value={value} onChange={onChange} error={error} />
    case 'date':
      return <DateInput {...common} nullable={nullable} value={value} onChange={onChange} error={error} />
    case 'number':
      return <DecimalInput {...common} nullable={nullable} value={value} onChange={onChange} error={error} />
    case 'choice': {
      const vocabulary = choiceFields[field]
      return (
        <ChoiceSelect
          {...common}
          emptyLabel={t('app.choose')}
          emptyValue={nullable ? null : undefined}
          choices={(vocabulary?.options ?? []).map((option) => ({
            value: option,
            label: t(`${vocabulary?.prefix}.${option}`),
          }))}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          error={error ? t(error) : undefined}
        />
      )
    }
    case 'unit':
      return (
        <ChoiceSelect
          {...common}
          emptyLabel={t('app.choose')}
          emptyValue={nullable ? null : undefined}
          choices={(units.data ?? []).map((unit) => ({
            value: unit.id,
            label: unitName(unit, format.language),
          }))}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          error={error ? t(error) : undefined}
        />
      )
    case 'boolean':
      return (
        <Checkbox
          {...common}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
          error={error ? t(error) : undefined}
        />
      )
    case 'longText':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={8}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error ? t(error) : undefined}
        />
      )
    case 'text':
      return (
        <TextInput
          {...common}
          autoComplete="off"
          value={typeof value === 'string' ? value : value == null ? '' : String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error ? t(error) : undefined}
        />
      )
  }
}
