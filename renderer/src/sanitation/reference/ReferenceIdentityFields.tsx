import { TextInput } from '@mantine/core'
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { fieldError } from '../../ui/fieldError'

/** A reference item's code: typed once, fixed after the item is saved (`saved`). */
export function ReferenceCodeInput({
  saved,
  error,
  registration,
}: {
  saved: boolean
  error: FieldError | undefined
  registration: UseFormRegisterReturn
}) {
  const { t } = useTranslation()
  return (
    <TextInput
      label={t('sanitation.referenceData.code')}
      description={t('sanitation.referenceData.codeHint')}
      withAsterisk
      disabled={saved}
      data-autofocus
      autoComplete="off"
      error={fieldError(t, error)}
      {...registration}
    />
  )
}

/** A reference item's Georgian and English names, two cells of the form's grid. */
export function ReferenceNameInputs({
  errors,
  registrations,
}: {
  errors: { nameKa?: FieldError; nameEn?: FieldError }
  registrations: { nameKa: UseFormRegisterReturn; nameEn: UseFormRegisterReturn }
}) {
  const { t } = useTranslation()
  return (
    <>
      <TextInput
        label={t('sanitation.referenceData.nameKa')}
        withAsterisk
        error={fieldError(t, errors.nameKa)}
        {...registrations.nameKa}
      />
      <TextInput
        label={t('sanitation.referenceData.nameEn')}
        withAsterisk
        error={fieldError(t, errors.nameEn)}
        {...registrations.nameEn}
      />
    </>
  )
}
