import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { ChoiceSelect } from './ChoiceSelect'

interface Props {
  label: string
  /** The closed list (a zod enum's options). */
  options: readonly string[]
  /** Each option is named by the i18n key `${labelKey}.${option}`. */
  labelKey: string
  ref?: Ref<HTMLSelectElement>
  onBlur?(): void
  value: string | null | undefined
  onChange(value: string | null | undefined): void
  /** An i18n key from the form's schema. */
  error?: string
}

/** A required choice from one of the domain's closed lists, each option named in the interface language. */
export function VocabularySelect({ options, labelKey, error, ...props }: Props) {
  const { t } = useTranslation()
  return (
    <ChoiceSelect
      withAsterisk
      emptyLabel={t('app.choose')}
      {...props}
      choices={options.map((value) => ({ value, label: t(`${labelKey}.${value}`) }))}
      error={error ? t(error) : undefined}
    />
  )
}
