import { Alert, Button, Divider, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isoDateInTbilisi } from '../../../../domain/georgian'
import { periodOfDate } from '../../../../domain/sanitation/period'
import type { BillingRunRequest } from '../../../../domain/sanitation/schemas'
import { useSession } from '../../app/session'
import { unitName, useTerritorialUnits } from '../../reference/territorialUnits'
import { CallErrorAlert } from '../../ui/CallErrorAlert'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { useFormat } from '../../ui/useFormat'
import { periodLabel, recentPeriods } from '../periodLabel'
import { BillingPreviewPanel } from './BillingPreviewPanel'
import { BillingProgressPanel } from './BillingProgressPanel'
import { BillingRunsTable } from './BillingRunsTable'
import { useBillingPreview, useStartBillingRun } from './billingQueries'
import { ReverseRunDialog } from './ReverseRunDialog'

const ALL = 'all'

/**
 * The monthly billing run (a head): choose a period and a unit, look at the preview, start, watch
 * the progress (or stop it); below, every run with its state, each reversible with a reason.
 */
export default function BillingRunScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const role = useSession().data?.role
  const canRun = role === 'head'
  const units = useTerritorialUnits()
  const current = periodOfDate(isoDateInTbilisi(Date.now()))
  const [period, setPeriod] = useState(current)
  const [unit, setUnit] = useState(ALL)
  const [asked, setAsked] = useState<BillingRunRequest | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [runId, setRunId] = useState<string | null>(null)
  const [nothingToDo, setNothingToDo] = useState(false)
  const [reversing, setReversing] = useState<{ id: string; period: string } | null>(null)
  const [reversed, setReversed] = useState<{ lineCount: number; totalTetri: number } | null>(null)
  const preview = useBillingPreview(asked)
  const start = useStartBillingRun()

  const request: BillingRunRequest = { period, territorialUnitId: unit === ALL ? null : unit }
  const askPreview = () => {
    setRunId(null)
    setNothingToDo(false)
    setReversed(null)
    start.reset()
    setAsked(request)
    if (asked && JSON.stringify(asked) === JSON.stringify(request)) void preview.refetch()
  }
  const startRun = () => {
    if (!asked) return
    start.mutate(asked, {
      onSuccess: (started) => {
        setConfirming(false)
        if (started.billingRunId === null) setNothingToDo(true)
        else setRunId(started.billingRunId)
      },
      onError: () => setConfirming(false),
    })
  }
  const shown = preview.data && asked ? preview.data : null

  return (
    <Stack gap="lg" maw={1400}>
      <Title order={1} size="h2">
        {t('sanitation.billing.title')}
      </Title>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('sanitation.billing.intro')}
          </Text>
          <Group align="flex-end">
            <Select
              label={t('sanitation.billing.period')}
              data={recentPeriods(current, 12).map((p) => ({
                value: p,
                label: `${periodLabel(p, format.language)} (${p})`,
              }))}
              value={period}
              onChange={(v) => v && setPeriod(v)}
              allowDeselect={false}
              w={240}
            />
            <Select
              label={t('sanitation.billing.unit')}
              data={[
                { value: ALL, label: t('sanitation.billing.allUnits') },
                ...(units.data ?? []).map((u) => ({ value: u.id, label: unitName(u, format.language) })),
              ]}
              value={unit}
              onChange={(v) => v && setUnit(v)}
              allowDeselect={false}
              w={380}
            />
            <Button variant="light" onClick={askPreview} loading={preview.isFetching}>
              {t('sanitation.billing.preview')}
            </Button>
          </Group>
          {preview.isError ? <CallErrorAlert error={preview.error} /> : null}
          {shown ? (
            <>
              <Divider />
              <BillingPreviewPanel preview={shown} />
              {canRun && runId === null && !nothingToDo && shown.newLines > 0 ? (
                <Group>
                  <Button onClick={() => setConfirming(true)}>{t('sanitation.billing.start')}</Button>
                </Group>
              ) : null}
            </>
          ) : null}
          {start.isError ? <CallErrorAlert error={start.error} /> : null}
          {nothingToDo ? (
            <Alert color="blue" role="status">
              {t('sanitation.billing.nothingToDo')}
            </Alert>
          ) : null}
          {runId ? <BillingProgressPanel billingRunId={runId} /> : null}
        </Stack>
      </Paper>

      <Stack gap="sm" component="section" aria-labelledby="billing-runs-title">
        <Title order={2} size="h4" id="billing-runs-title">
          {t('sanitation.billing.runs')}
        </Title>
        {reversed ? (
          <Alert color="green" role="status">
            {t('sanitation.billing.reversed', {
              lines: format.number(reversed.lineCount),
              total: format.money(reversed.totalTetri),
            })}
          </Alert>
        ) : null}
        <BillingRunsTable
          canReverse={canRun}
          onReverse={(run) => {
            setReversed(null)
            setReversing(run)
          }}
        />
      </Stack>

      <ConfirmDialog
        opened={confirming && shown !== null}
        title={t('sanitation.billing.confirmTitle')}
        message={
          shown
            ? t('sanitation.billing.confirmText', {
                period: periodLabel(shown.period, format.language),
                lines: format.number(shown.newLines),
                total: format.money(shown.newTetri),
              })
            : ''
        }
        confirmLabel={t('sanitation.billing.start')}
        busy={start.isPending}
        onConfirm={startRun}
        onCancel={() => setConfirming(false)}
      />
      <ReverseRunDialog
        run={reversing}
        onClose={() => setReversing(null)}
        onReversed={(result) => {
          setRunId(null)
          setAsked(null)
          setReversed(result)
        }}
      />
    </Stack>
  )
}
