import { zodResolver } from '@hookform/resolvers/zod'
import { SimpleGrid, Stack } from '@mantine/core'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { ActivityCategoryItem } from '../../../../domain/sanitation/referenceContract'
import { ActivityCategory } from '../../../../domain/sanitation/referenceData'
import { BillingUnit } from '../../../../domain/sanitation/vocabulary'
import { ChoiceSelect } from '../../ui/ChoiceSelect'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { ReferenceCodeInput, ReferenceNameInputs } from './ReferenceIdentityFields'
import { useCreateCategory, useUpdateCategory } from './referenceQueries'
import { referenceSave } from './referenceSave'

interface Props {
  /** The category being edited; undefined for a new one; null when the dialog is closed. */
  category: ActivityCategoryItem | undefined | null
  onClose(): void
}

const fieldNames = Object.keys(ActivityCategory.shape)

/** An organisations' activity category: its code (fixed once saved), names and billing unit. */
export function CategoryForm({ category, onClose }: Props) {
  const { t } = useTranslation()
  const title = category
    ? t('sanitation.referenceData.editCategory')
    : t('sanitation.referenceData.addCategory')
  return (
    <FormModal opened={category !== null} onClose={onClose} title={title} size="lg">
      {category !== null ? <CategoryFields category={category} onDone={onClose} /> : null}
    </FormModal>
  )
}

function CategoryFields({
  category,
  onDone,
}: {
  category: ActivityCategoryItem | undefined
  onDone(): void
}) {
  const { t } = useTranslation()
  const create = useCreateCategory()
  const update = useUpdateCategory()
  const form = useForm<z.input<typeof ActivityCategory>, unknown, ActivityCategory>({
    resolver: zodResolver(ActivityCategory),
    defaultValues: category
      ? { code: category.code, nameKa: category.nameKa, nameEn: category.nameEn, unit: category.unit }
      : { code: '', nameKa: '', nameEn: '', unit: undefined },
  })
  const { errors, isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, fieldNames)
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(referenceSave(category, values, create.mutateAsync, update.mutateAsync))) onDone()
  })
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <ReferenceCodeInput
          saved={category !== undefined}
          error={errors.code}
          registration={form.register('code')}
        />
        <SimpleGrid cols={2}>
          <ReferenceNameInputs
            errors={errors}
            registrations={{ nameKa: form.register('nameKa'), nameEn: form.register('nameEn') }}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="unit"
          render={({ field }) => (
            <ChoiceSelect
              label={t('sanitation.referenceData.unit')}
              withAsterisk
              ref={field.ref}
              value={field.value}
              onChange={field.onChange}
              emptyLabel={t('sanitation.referenceData.choose')}
              emptyValue={undefined}
              choices={BillingUnit.options.map((u) => ({
                value: u,
                label: t(`sanitation.referenceData.units.${u}`),
              }))}
              error={fieldError(t, errors.unit)}
            />
          )}
        />
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onDone} saving={isSubmitting} />
      </Stack>
    </KeyboardForm>
  )
}
