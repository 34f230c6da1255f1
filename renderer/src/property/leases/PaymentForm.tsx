import { zodResolver } from '@hookform/resolvers/zod'
import { Stack, TextInput } from '@mantine/core'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { isoDateInTbilisi } from '../../../../domain/georgian'
import { LeasePaymentFields } from '../../../../domain/property/schemas'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { PaymentAmountFields } from '../../ui/PaymentAmountFields'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { useAddLeasePayment } from '../propertyMutations'

interface Props {
  leaseId: string
  opened: boolean
  onClose(): void
}

const fieldNames = Object.keys(LeasePaymentFields.shape)

/** Records a rent payment against a lease. */
export function PaymentForm({ leaseId, opened, onClose }: Props) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('property.leases.addPayment')} size="md">
      <PaymentFields leaseId={leaseId} onDone={onClose} />
    </FormModal>
  )
}

function PaymentFields({ leaseId, onDone }: { leaseId: string; onDone(): void }) {
  const { t } = useTranslation()
  const add = useAddLeasePayment()
  const form = useForm<z.input<typeof LeasePaymentFields>, unknown, LeasePaymentFields>({
    resolver: zodResolver(LeasePaymentFields),
    defaultValues: { leaseId, paidOn: isoDateInTbilisi(Date.now()), amountTetri: undefined, reference: '' },
  })
  const { errors, isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, fieldNames)
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(() => add.mutateAsync(values))) onDone()
  })
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <PaymentAmountFields
          control={form.control}
          amountLabel={t('property.field.amountTetri')}
          paidOnLabel={t('property.field.paidOn')}
        />
        <TextInput
          label={t('property.field.reference')}
          autoComplete="off"
          error={fieldError(t, errors.reference)}
          {...form.register('reference')}
        />
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onDone} saving={isSubmitting} />
      </Stack>
    </KeyboardForm>
  )
}
