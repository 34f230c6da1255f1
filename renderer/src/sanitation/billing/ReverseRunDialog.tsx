import { TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BillingRunReversal } from '../../../../domain/sanitation/schemas'
import { CallErrorAlert as ErrorAlert } from '../../ui/CallErrorAlert'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { useFormat } from '../../ui/useFormat'
import { periodLabel } from '../periodLabel'
import { useReverseBillingRun } from './billingQueries'

interface Props {
  run: { id: string; period: string } | null
  onClose(): void
  onReversed(result: { lineCount: number; totalTetri: number }): void
}

/** Asks for the reason (it goes into the audit record) before a whole run is reversed. */
export function ReverseRunDialog({ run, onClose, onReversed }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const reverse = useReverseBillingRun()
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const close = () => {
    setReason('')
    setReasonError(null)
    reverse.reset()
    onClose()
  }
  const confirm = () => {
    if (!run) return
    const parsed = BillingRunReversal.safeParse({ billingRunId: run.id, reason })
    if (!parsed.success) {
      setReasonError(parsed.error.issues[0]?.message ?? 'validation.invalid')
      return
    }
    reverse.mutate(parsed.data, {
      onSuccess: (result) => {
        close()
        onReversed(result)
      },
    })
  }
  return (
    <ConfirmDialog
      opened={run !== null}
      title={t('sanitation.billing.reverseTitle')}
      message={
        run ? t('sanitation.billing.reverseText', { period: periodLabel(run.period, format.language) }) : ''
      }
      confirmLabel={t('sanitation.billing.reverseConfirm')}
      busy={reverse.isPending}
      onConfirm={confirm}
      onCancel={close}
    >
      <TextInput
        label={t('sanitation.billing.reason')}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value)
          setReasonError(null)
        }}
        error={reasonError ? t(reasonError) : undefined}
        required
      />
      {reverse.isError ? <ErrorAlert error={reverse.error} /> : null}
    </ConfirmDialog>
  )
}
