import { zodResolver } from '@hookform/resolvers/zod'
import { NumberInput, SimpleGrid, Stack } from '@mantine/core'
import { Controller, type Resolver, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { SocialBandItem } from '../../../../domain/sanitation/referenceContract'
import { SocialBand, SocialBandFields } from '../../../../domain/sanitation/referenceData'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { ReferenceCodeInput, ReferenceNameInputs } from './ReferenceIdentityFields'
import { useCreateBand, useUpdateBand } from './referenceQueries'
import { referenceSave } from './referenceSave'

interface Props {
  /** The band being edited; undefined for a new one; null when the dialog is closed. */
  band: SocialBandItem | undefined | null
  onClose(): void
}

type Values = z.input<typeof SocialBandFields>
const fieldNames = Object.keys(SocialBandFields.shape)

/** A band of the social rating score; the tariff versions price each band. */
export function BandForm({ band, onClose }: Props) {
  const { t } = useTranslation()
  const title = band ? t('sanitation.referenceData.editBand') : t('sanitation.referenceData.addBand')
  return (
    <FormModal opened={band !== null} onClose={onClose} title={title} size="lg">
      {band !== null ? <BandFields band={band} onDone={onClose} /> : null}
    </FormModal>
  )
}

function BandFields({ band, onDone }: { band: SocialBandItem | undefined; onDone(): void }) {
  const { t } = useTranslation()
  const create = useCreateBand()
  const update = useUpdateBand()
  const form = useForm<Values, unknown, SocialBand>({
    resolver: zodResolver(SocialBand) as unknown as Resolver<Values, unknown, SocialBand>,
    defaultValues: band
      ? {
          code: band.code,
          nameKa: band.nameKa,
          nameEn: band.nameEn,
          minScore: band.minScore,
          maxScore: band.maxScore,
        }
      : { code: '', nameKa: '', nameEn: '' },
  })
  const { errors, isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, fieldNames)
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(referenceSave(band, values, create.mutateAsync, update.mutateAsync))) onDone()
  })
  const score = (name: 'minScore' | 'maxScore') => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={t(`sanitation.referenceData.${name}`)}
          withAsterisk
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=" "
          ref={field.ref}
          onBlur={field.onBlur}
          value={field.value ?? ''}
          onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
          error={fieldError(t, errors[name])}
        />
      )}
    />
  )
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <ReferenceCodeInput
          saved={band !== undefined}
          error={errors.code}
          registration={form.register('code')}
        />
        <SimpleGrid cols={2}>
          <ReferenceNameInputs
            errors={errors}
            registrations={{ nameKa: form.register('nameKa'), nameEn: form.register('nameEn') }}
          />
          {score('minScore')}
          {score('maxScore')}
        </SimpleGrid>
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onDone} saving={isSubmitting} />
      </Stack>
    </KeyboardForm>
  )
}
