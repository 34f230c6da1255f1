import { zodResolver } from '@hookform/resolvers/zod'
import { Stack, TextInput } from '@mantine/core'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { isoDateInTbilisi } from '../../../../domain/georgian'
import { CounterPaymentFields } from '../../../../domain/sanitation/schemas'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { PaymentAmountFields } from '../../ui/PaymentAmountFields'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { useRecordCounterPayment } from '../sanitationMutations'

interface Props {
  payerId: string
  opened: boolean
  onClose(): void
  /** The payment is saved: its id and receipt number, for the receipt. */
  onSaved(payment: { id: string; receiptNumber: string }): void
}

// The receipt number is a field only the backend fills; its message (no numbers left) shows in the alert.
const fieldNames = ['amountTetri', 'paidOn', 'note']

/** Takes a payment at the counter: the amount in lari, the day, a note; the receipt follows. */
export function CounterPaymentForm({ payerId, opened, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('sanitation.counter.title')} size="md">
      <CounterPaymentFieldsForm payerId={payerId} onCancel={onClose} onSaved={onSaved} />
    </FormModal>
  )
}

function CounterPaymentFieldsForm({
  payerId,
  onCancel,
  onSaved,
}: {
  payerId: string
  onCancel(): void
  onSaved: Props['onSaved']
}) {
  const { t } = useTranslation()
  const record = useRecordCounterPayment()
  const form = useForm<z.input<typeof CounterPaymentFields>, unknown, CounterPaymentFields>({
    resolver: zodResolver(CounterPaymentFields),
    defaultValues: { payerId, paidOn: isoDateInTbilisi(Date.now()), amountTetri: undefined, note: '' },
  })
  const { errors, isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, fieldNames)
  const submit = form.handleSubmit(async (values) => {
    let saved: { id: string; receiptNumber: string } | null = null
    if (
      await server.run(async () => {
        saved = await record.mutateAsync(values)
      })
    ) {
      if (saved) onSaved(saved)
    }
  })
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <PaymentAmountFields
          control={form.control}
          amountLabel={t('sanitation.field.amountTetri')}
          paidOnLabel={t('sanitation.field.paidOn')}
        />
        <TextInput
          label={t('sanitation.field.note')}
          autoComplete="off"
          maxLength={300}
          error={fieldError(t, errors.note)}
          {...form.register('note')}
        />
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onCancel} saving={isSubmitting} saveLabel={t('sanitation.counter.record')} />
      </Stack>
    </KeyboardForm>
  )
}
