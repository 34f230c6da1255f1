import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CallErrorAlert } from '../../ui/CallErrorAlert'
import { useFormat } from '../../ui/useFormat'
import { sanitationKey, useLineWritingProgress, useStopLineWriting } from './editQueries'

/**
 * An amnesty's or a tariff version's lines being written in batches: a progress bar and a Stop
 * button while they are (as the billing run shows its own), then how it ended.
 */
export function LineWritingPanel({ recordId, title }: { recordId: string; title: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const client = useQueryClient()
  const progress = useLineWritingProgress(recordId)
  const stop = useStopLineWriting()
  const state = progress.data?.state
  const done = progress.data?.doneLines
  useEffect(() => {
    // The record's row counts the lines batch by batch: its list follows the progress.
    if (done !== undefined) {
      for (const list of ['amnesties', 'tariffVersions']) {
        void client.invalidateQueries({ queryKey: [...sanitationKey, list] })
      }
    }
  }, [done, client])
  useEffect(() => {
    // The lists show the record's state and counts: ask them again once the writing ends.
    if (state && state !== 'running') void client.invalidateQueries({ queryKey: sanitationKey })
  }, [state, client])
  if (progress.isError)
    return <CallErrorAlert error={progress.error} onReload={() => void progress.refetch()} />
  const p = progress.data
  if (!p) return null
  if (p.state === 'running') {
    const percent = p.totalLines === 0 ? 100 : Math.round((p.doneLines / p.totalLines) * 100)
    return (
      <Stack gap="xs" role="status" aria-live="polite">
        <Group justify="space-between">
          <Text fw={600}>{title}</Text>
          <Text size="sm">
            {t('sanitation.lineWriting.progress', {
              done: format.number(p.doneLines),
              total: format.number(p.totalLines),
            })}
          </Text>
        </Group>
        <Progress value={percent} size="lg" animated aria-label={title} />
        <Group>
          <Button
            variant="default"
            color="red"
            loading={stop.isPending}
            onClick={() => stop.mutate(recordId)}
          >
            {t('sanitation.lineWriting.stop')}
          </Button>
        </Group>
        {stop.isError ? <CallErrorAlert error={stop.error} /> : null}
      </Stack>
    )
  }
  return (
    <Alert color={p.state === 'completed' ? 'green' : 'orange'} role="status">
      {p.state === 'completed'
        ? t('sanitation.lineWriting.completed', {
            lines: format.number(p.doneLines),
            total: format.money(p.doneTetri),
          })
        : t('sanitation.lineWriting.stopped', { lines: format.number(p.doneLines) })}
    </Alert>
  )
}
