import './print.css'
import { Button, Center, Group, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isoDateInTbilisi } from '../../../../domain/georgian'
import { addPeriods, periodOfDate } from '../../../../domain/sanitation/period'
import { TerritorialUnitSelect } from '../../reference/TerritorialUnitSelect'
import { useTerritorialUnits } from '../../reference/territorialUnits'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useFormat } from '../../ui/useFormat'
import { usePaymentNotices } from '../sanitationQueries'
import { NoticeDocument } from './NoticeDocument'
import { periodName } from './periodName'
import { printDocument } from './printDocument'

/** The notices of one territorial unit for a period, one A4 page each, printed as one document. */
export default function NoticeBatchScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const units = useTerritorialUnits()
  const lastMonth = addPeriods(periodOfDate(isoDateInTbilisi(Date.now())), -1)
  const periods = Array.from({ length: 24 }, (_, i) => addPeriods(lastMonth, -i))
  const [unitId, setUnitId] = useState<string | null>(null)
  const [period, setPeriod] = useState(lastMonth)
  const notices = usePaymentNotices(unitId, period)
  const [failure, setFailure] = useState<unknown>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const chosenUnit = units.data?.find((u) => u.id === unitId)
  const print = async () => {
    setFailure(null)
    try {
      setSaved(await printDocument(`შეტყობინებები ${chosenUnit?.code ?? ''} ${period}`))
    } catch (error) {
      setFailure(error)
    }
  }
  const count = notices.data?.notices.length ?? 0
  return (
    <Stack gap={0}>
      <Stack gap="md" data-print="hide" mb="md">
        <Title order={1} size="h2">
          {t('sanitation.notice.batchTitle')}
        </Title>
        <Group align="flex-end" gap="sm">
          <TerritorialUnitSelect
            label={t('sanitation.notice.batchUnit')}
            emptyLabel={t('sanitation.notice.chooseUnit')}
            value={unitId}
            onChange={(value) => setUnitId(value ?? null)}
            w={260}
          />
          <NativeSelect
            label={t('sanitation.notice.batchPeriod')}
            value={period}
            onChange={(event) => setPeriod(event.currentTarget.value)}
            data={periods.map((p) => ({ value: p, label: format.language === 'ka' ? periodName(p) : p }))}
            w={220}
          />
          <Button onClick={() => void print()} disabled={count === 0}>
            {t('sanitation.documents.print')}
          </Button>
        </Group>
        {notices.data ? (
          <Text size="sm" c="dimmed" role="status">
            {t('sanitation.notice.batchCount', { n: format.number(count) })}
          </Text>
        ) : null}
        {saved ? (
          <Text size="sm" c="green.8" role="status">
            {t('sanitation.documents.printed', { path: saved })}
          </Text>
        ) : null}
        {failure ? <ErrorAlert error={failure} /> : null}
        {notices.isError ? (
          <ErrorAlert error={notices.error} onReload={() => void notices.refetch()} />
        ) : null}
      </Stack>
      {unitId !== null && notices.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : null}
      {notices.data && count === 0 ? (
        <Paper withBorder p="lg" data-print="hide">
          <Text c="dimmed">{t('sanitation.notice.batchEmpty')}</Text>
        </Paper>
      ) : null}
      {notices.data?.notices.map((notice) => (
        <NoticeDocument key={notice.payer.id} notice={notice} />
      ))}
    </Stack>
  )
}
