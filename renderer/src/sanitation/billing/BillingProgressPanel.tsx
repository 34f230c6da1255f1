import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CallErrorAlert as ErrorAlert } from '../../ui/CallErrorAlert'
import { useFormat } from '../../ui/useFormat'
import { useBillingRunProgress, useCancelBillingRun, useRefreshSanitation } from './billingQueries'

/** A started run: its progress bar while it runs, a Stop button, then how it ended. */
export function BillingProgressPanel({ billingRunId }: { billingRunId: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const progress = useBillingRunProgress(billingRunId)
  const cancel = useCancelBillingRun()
  const refresh = useRefreshSanitation()
  const state = progress.data?.state
  useEffect(() => {
    if (state && state !== 'running') void refresh()
  }, [state, refresh])
  if (progress.isError) return <ErrorAlert error={progress.error} onReload={() => void progress.refetch()} />
  const p = progress.data
  if (!p) return null
  const percent = p.totalLines === 0 ? 100 : Math.round((p.doneLines / p.totalLines) * 100)
  if (p.state === 'running') {
    return (
      <Stack gap="xs" role="status" aria-live="polite">
        <Group justify="space-between">
          <Text fw={600}>{t('sanitation.billing.running')}</Text>
          <Text size="sm">
            {t('sanitation.billing.progress', {
              done: format.number(p.doneLines),
              total: format.number(p.totalLines),
            })}
          </Text>
        </Group>
        <Progress value={percent} size="lg" animated aria-label={t('sanitation.billing.running')} />
        <Group>
          <Button
            variant="default"
            color="red"
            loading={cancel.isPending}
            onClick={() => cancel.mutate(billingRunId)}
          >
            {t('sanitation.billing.cancel')}
          </Button>
        </Group>
        {cancel.isError ? <ErrorAlert error={cancel.error} /> : null}
      </Stack>
    )
  }
  return (
    <Alert color={p.state === 'completed' ? 'green' : 'orange'} role="status">
      {p.state === 'completed'
        ? t('sanitation.billing.completed', {
            lines: format.number(p.doneLines),
            total: format.money(p.doneTetri),
          })
        : p.state === 'cancelled'
          ? t('sanitation.billing.cancelled')
          : t('sanitation.billing.state.reversed')}
    </Alert>
  )
}
