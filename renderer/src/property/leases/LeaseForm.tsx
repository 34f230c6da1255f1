import { zodResolver } from '@hookform/resolvers/zod'
import { SimpleGrid, Stack, TextInput } from '@mantine/core'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { LeaseFields } from '../../../../domain/property/schemas'
import { RentSchedule, TenantKind } from '../../../../domain/property/vocabulary'
import { boundInput } from '../../ui/boundInput'
import { DateInput } from '../../ui/DateInput'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { MoneyInput } from '../../ui/MoneyInput'
import { PhoneInput } from '../../ui/PhoneInput'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { VocabularySelect } from '../../ui/VocabularySelect'
import { useCreateLease } from '../propertyMutations'

interface Props {
  objectId: string
  opened: boolean
  onClose(): void
}

const fieldNames = Object.keys(LeaseFields.shape)

/** Registers a lease contract on the object. */
export function LeaseForm({ objectId, opened, onClose }: Props) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('property.leases.addTitle')} size="xl">
      <LeaseFieldsForm objectId={objectId} onDone={onClose} />
    </FormModal>
  )
}

function LeaseFieldsForm({ objectId, onDone }: { objectId: string; onDone(): void }) {
  const { t } = useTranslation()
  const create = useCreateLease()
  const form = useForm<z.input<typeof LeaseFields>, unknown, LeaseFields>({
    resolver: zodResolver(LeaseFields),
    defaultValues: {
      objectId,
      contractNumber: '',
      tenantKind: undefined,
      tenantName: '',
      tenantIdNumber: '',
      tenantPhone: null,
      startDate: undefined,
      endDate: undefined,
      annualRentTetri: undefined,
      schedule: 'monthly',
      legalBasis: '',
    },
  })
  const { errors, isSubmitting } = form.formState
  const { control, register } = form
  const server = useServerSubmit(form.setError, fieldNames)
  const label = (name: string) => t(`property.field.${name}`)
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(() => create.mutateAsync(values))) onDone()
  })
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput
            label={label('contractNumber')}
            withAsterisk
            data-autofocus
            autoComplete="off"
            error={fieldError(t, errors.contractNumber)}
            {...register('contractNumber')}
          />
          <Controller
            control={control}
            name="tenantKind"
            render={(bound) => (
              <VocabularySelect
                label={label('tenantKind')}
                options={TenantKind.options}
                labelKey="property.tenantKind"
                {...boundInput(bound)}
              />
            )}
          />
          <TextInput
            label={label('tenantName')}
            withAsterisk
            autoComplete="off"
            error={fieldError(t, errors.tenantName)}
            {...register('tenantName')}
          />
          <TextInput
            label={label('tenantIdNumber')}
            withAsterisk
            inputMode="numeric"
            maxLength={11}
            autoComplete="off"
            error={fieldError(t, errors.tenantIdNumber)}
            {...register('tenantIdNumber')}
          />
          <Controller
            control={control}
            name="tenantPhone"
            render={(bound) => (
              <PhoneInput label={label('tenantPhone')} placeholder="599 12 34 56" {...boundInput(bound)} />
            )}
          />
          <Controller
            control={control}
            name="annualRentTetri"
            render={(bound) => (
              <MoneyInput label={label('annualRentTetri')} withAsterisk {...boundInput(bound)} />
            )}
          />
          <Controller
            control={control}
            name="startDate"
            render={(bound) => <DateInput label={label('startDate')} withAsterisk {...boundInput(bound)} />}
          />
          <Controller
            control={control}
            name="endDate"
            render={(bound) => <DateInput label={label('endDate')} withAsterisk {...boundInput(bound)} />}
          />
          <Controller
            control={control}
            name="schedule"
            render={(bound) => (
              <VocabularySelect
                label={label('schedule')}
                options={RentSchedule.options}
                labelKey="property.schedule"
                {...boundInput(bound)}
              />
            )}
          />
          <TextInput
            label={label('legalBasis')}
            autoComplete="off"
            error={fieldError(t, errors.legalBasis)}
            {...register('legalBasis')}
          />
        </SimpleGrid>
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onDone} saving={isSubmitting} />
      </Stack>
    </KeyboardForm>
  )
}
