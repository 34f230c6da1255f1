import { zodResolver } from '@hookform/resolvers/zod'
import { Stack, Text } from '@mantine/core'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { isoDateInTbilisi } from '../../../../domain/georgian'
import { propertyCalls } from '../../../../domain/property/contract'
import type { LeaseView } from '../../../../domain/property/views'
import { boundInput } from '../../ui/boundInput'
import { DateInput } from '../../ui/DateInput'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { useTerminateLease } from '../propertyMutations'

const TerminateLease = propertyCalls.terminateLease.input

interface Props {
  lease: LeaseView
  opened: boolean
  onClose(): void
}

/** Ends a lease early, from a date. */
export function TerminateLeaseForm({ lease, opened, onClose }: Props) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('property.leases.terminateTitle')} size="md">
      <TerminateFields lease={lease} onDone={onClose} />
    </FormModal>
  )
}

function TerminateFields({ lease, onDone }: { lease: LeaseView; onDone(): void }) {
  const { t } = useTranslation()
  const terminate = useTerminateLease()
  const form = useForm<z.input<typeof TerminateLease>, unknown, z.output<typeof TerminateLease>>({
    resolver: zodResolver(TerminateLease),
    defaultValues: { id: lease.id, version: lease.version, terminatedOn: isoDateInTbilisi(Date.now()) },
  })
  const { isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, ['terminatedOn'])
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(() => terminate.mutateAsync(values))) onDone()
  })
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <Text size="sm">
          {t('property.leases.contract', { number: lease.contractNumber })} · {lease.tenantName}
        </Text>
        <Controller
          control={form.control}
          name="terminatedOn"
          render={(bound) => (
            <DateInput
              label={t('property.field.terminatedOn')}
              withAsterisk
              data-autofocus
              {...boundInput(bound)}
            />
          )}
        />
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onDone} saving={isSubmitting} saveLabel={t('property.leases.terminate')} />
      </Stack>
    </KeyboardForm>
  )
}
