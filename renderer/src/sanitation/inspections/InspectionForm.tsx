import { zodResolver } from '@hookform/resolvers/zod'
import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { Controller, type Resolver, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { isoDateInTbilisi } from '../../../../domain/georgian'
import { InspectionFields } from '../../../../domain/sanitation/schemas'
import type { PayerKind } from '../../../../domain/sanitation/vocabulary'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'
import { useSession } from '../../app/session'
import { boundInput } from '../../ui/boundInput'
import { DateInput } from '../../ui/DateInput'
import { DecimalInput } from '../../ui/DecimalInput'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError, fieldErrorKey } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { useSanitationWrite } from '../forms/editQueries'
import { WholeNumberInput } from '../forms/formFields'

type Values = z.input<typeof InspectionFields>
const fieldNames = Object.keys(InspectionFields.shape)

interface Payer {
  id: string
  kind: PayerKind
  name: string
}

/**
 * An inspector's visit: a household's members or an organisation's quantity as found. Saved on
 * this PC at once (offline too); it changes the payer only when a supervisor approves it.
 */
export function InspectionDialog({
  opened,
  onClose,
  payer,
}: {
  opened: boolean
  onClose(): void
  payer: Payer
}) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('sanitation.inspectionForm.title')} size="md">
      <InspectionForm payer={payer} onDone={onClose} />
    </FormModal>
  )
}

export function InspectionForm({ payer, onDone }: { payer: Payer; onDone(): void }) {
  const { t } = useTranslation()
  const session = useSession()
  const record = useSanitationWrite((input: InspectionFields) =>
    unwrap(api.sanitation.recordInspection(input)),
  )
  const form = useForm<Values, unknown, InspectionFields>({
    resolver: zodResolver(InspectionFields) as unknown as Resolver<Values, unknown, InspectionFields>,
    defaultValues: {
      payerId: payer.id,
      visitedOn: isoDateInTbilisi(Date.now()),
      inspector: session.data?.fullName ?? '',
      observedMembers: null,
      observedQuantity: null,
      note: '',
    },
  })
  const { control, register, formState } = form
  const { errors, isSubmitting } = formState
  const server = useServerSubmit(form.setError, fieldNames)
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(() => record.mutateAsync(values))) onDone()
  })
  return (
    <KeyboardForm onSubmit={submit} onEscape={onDone}>
      <Stack>
        <Text size="sm" c="dimmed">
          {payer.name}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {payer.kind === 'household' ? (
            <Controller
              control={control}
              name="observedMembers"
              render={(bound) => (
                <WholeNumberInput
                  label={t('sanitation.inspectionForm.observedMembers')}
                  withAsterisk
                  nullable
                  data-autofocus
                  {...boundInput(bound)}
                />
              )}
            />
          ) : (
            <Controller
              control={control}
              name="observedQuantity"
              render={({ field }) => (
                <DecimalInput
                  label={t('sanitation.inspectionForm.observedQuantity')}
                  withAsterisk
                  nullable
                  data-autofocus
                  ref={field.ref}
                  onBlur={field.onBlur}
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldErrorKey(errors.observedQuantity ?? errors.observedMembers)}
                />
              )}
            />
          )}
          <Controller
            control={control}
            name="visitedOn"
            render={(bound) => (
              <DateInput
                label={t('sanitation.inspectionForm.visitedOn')}
                withAsterisk
                {...boundInput(bound)}
              />
            )}
          />
        </SimpleGrid>
        <TextInput
          label={t('sanitation.inspectionForm.inspector')}
          withAsterisk
          autoComplete="off"
          error={fieldError(t, errors.inspector)}
          {...register('inspector')}
        />
        <TextInput
          label={t('sanitation.forms.note')}
          autoComplete="off"
          error={fieldError(t, errors.note)}
          {...register('note')}
        />
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onDone} saving={isSubmitting} />
      </Stack>
    </KeyboardForm>
  )
}
