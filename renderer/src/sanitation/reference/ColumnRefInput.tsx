import { Group, NativeSelect, NumberInput, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ColumnRef } from '../../../../domain/sanitation/bankFileFormat'

type Mode = 'header' | 'position' | 'none'

interface Props {
  /** The mapped column's name ("amount"), for the labels. */
  label: string
  value: ColumnRef | null | undefined
  onChange(value: ColumnRef | null): void
  /** A column the statement may lack (the bank's reference, the payer's name). */
  optional: boolean
  /** Translated error text. */
  error?: string
}

const modeOf = (value: ColumnRef | null | undefined): Mode =>
  value === null ? 'none' : typeof value === 'number' ? 'position' : 'header'

/** Where a statement holds one of the values: a column by its header text, or by its position. */
export function ColumnRefInput({ label, value, onChange, optional, error }: Props) {
  const { t } = useTranslation()
  const mode = modeOf(value)
  const modes: Mode[] = optional ? ['header', 'position', 'none'] : ['header', 'position']
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <NativeSelect
        label={label}
        aria-label={`${label}: ${t('sanitation.referenceData.columnBy')}`}
        w={190}
        value={mode}
        data={modes.map((m) => ({ value: m, label: t(`sanitation.referenceData.columnMode.${m}`) }))}
        onChange={(event) => {
          const next = event.currentTarget.value as Mode
          onChange(next === 'none' ? null : next === 'position' ? 1 : '')
        }}
      />
      {mode === 'header' ? (
        <TextInput
          label={t('sanitation.referenceData.headerText')}
          aria-label={`${label}: ${t('sanitation.referenceData.headerText')}`}
          flex={1}
          autoComplete="off"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
        />
      ) : mode === 'position' ? (
        <NumberInput
          label={t('sanitation.referenceData.position')}
          aria-label={`${label}: ${t('sanitation.referenceData.position')}`}
          w={140}
          min={1}
          max={200}
          allowDecimal={false}
          allowNegative={false}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : 1)}
          error={error}
        />
      ) : null}
    </Group>
  )
}
