import { zodResolver } from '@hookform/resolvers/zod'
import { Stack, TextInput } from '@mantine/core'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { CadastralCodeChange } from '../../../../domain/property/schemas'
import { boundInput } from '../../ui/boundInput'
import { DateInput } from '../../ui/DateInput'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { useChangeCadastralCode } from '../propertyMutations'

interface Props {
  objectId: string
  opened: boolean
  onClose(): void
}

const fieldNames = ['code', 'validFrom', 'reason']

/** A new cadastral code (after a split, a merge or a correction), from a date, with the reason. */
export function CadastralCodeForm({ objectId, opened, onClose }: Props) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('property.cadastral.change')}>
      <CadastralCodeFields objectId={objectId} onDone={onClose} />
    </FormModal>
  )
}

function CadastralCodeFields({ objectId, onDone }: { objectId: string; onDone(): void }) {
  const { t } = useTranslation()
  const change = useChangeCadastralCode()
  const form = useForm<z.input<typeof CadastralCodeChange>, unknown, CadastralCodeChange>({
    resolver: zodResolver(CadastralCodeChange),
    defaultValues: { objectId, code: '', validFrom: undefined, reason: '' },
  })
  const { errors, isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, fieldNames)
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(() => change.mutateAsync(values))) onDone()
  })
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <TextInput
          label={t('property.cadastral.newCode')}
          placeholder="01.18.06.019.055"
          withAsterisk
          data-autofocus
          autoComplete="off"
          error={fieldError(t, errors.code)}
          {...form.register('code')}
        />
        <Controller
          control={form.control}
          name="validFrom"
          render={(bound) => (
            <DateInput label={t('property.field.validFrom')} withAsterisk {...boundInput(bound)} />
          )}
        />
        <TextInput
          label={t('property.field.reason')}
          withAsterisk
          autoComplete="off"
          error={fieldError(t, errors.reason)}
          {...form.register('reason')}
        />
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onDone} saving={isSubmitting} />
      </Stack>
    </KeyboardForm>
  )
}
