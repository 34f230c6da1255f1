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
import { noticeParts, type PartSize, partSizes } from './noticeParts'
import { periodName } from './periodName'
import { printDocument } from './printDocument'

/**
 * The notices of one territorial unit for a period, one A4 page each. A unit has thousands, so the
 * screen shows one part of the batch at a time (pages 1-250, 251-500 ...) and prints the part shown:
 * a clerk prints the parts one after another, and a printer or PDF viewer never gets 4,800 pages at once.
 */
export default function NoticeBatchScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const units = useTerritorialUnits()
  const lastMonth = addPeriods(periodOfDate(isoDateInTbilisi(Date.now())), -1)
  const periods = Array.from({ length: 24 }, (_, i) => addPeriods(lastMonth, -i))
  const [unitId, setUnitId] = useState<string | null>(null)
  const [period, setPeriod] = useState(lastMonth)
  const [size, setSize] = useState<PartSize>(250)
  const [partIndex, setPartIndex] = useState(0)
  const notices = usePaymentNotices(unitId, period)
  const [failure, setFailure] = useState<unknown>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const chosenUnit = units.data?.find((u) => u.id === unitId)
  const all = notices.data?.notices ?? []
  const count = all.length
  const parts = noticeParts(count, size)
  const part = parts[Math.min(partIndex, parts.length - 1)]
  const partLabel = (p: { from: number; to: number }) =>
    t('sanitation.notice.pages', { from: format.number(p.from), to: format.number(p.to) })
  const choose = (change: () => void) => {
    change()
    setPartIndex(0)
    setSaved(null)
  }
  const print = async () => {
    if (!part) return
    setFailure(null)
    try {
      const name = `შეტყობინებები ${chosenUnit?.code ?? ''} ${period} ${part.from}-${part.to}`
      setSaved(await printDocument(name))
    } catch (error) {
      setFailure(error)
    }
  }
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
            onChange={(value) => choose(() => setUnitId(value ?? null))}
            w={260}
          />
          <NativeSelect
            label={t('sanitation.notice.batchPeriod')}
            value={period}
            onChange={(event) => {
              const value = event.currentTarget.value
              choose(() => setPeriod(value))
            }}
            data={periods.map((p) => ({ value: p, label: format.language === 'ka' ? periodName(p) : p }))}
            w={220}
          />
          <NativeSelect
            label={t('sanitation.notice.partSize')}
            value={String(size)}
            onChange={(event) => {
              const value = Number(event.currentTarget.value) as PartSize
              choose(() => setSize(value))
            }}
            data={partSizes.map((s) => ({
              value: String(s),
              label: t('sanitation.notice.pagesPerPart', { n: format.number(s) }),
            }))}
            w={200}
          />
        </Group>
        {notices.data ? (
          <Text size="sm" c="dimmed" role="status">
            {t('sanitation.notice.batchCount', { n: format.number(count) })}
          </Text>
        ) : null}
        {part ? (
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('sanitation.notice.part')}
              value={String(parts.indexOf(part))}
              onChange={(event) => {
                setPartIndex(Number(event.currentTarget.value))
                setSaved(null)
              }}
              data={parts.map((p, i) => ({ value: String(i), label: partLabel(p) }))}
              w={220}
            />
            <Button onClick={() => void print()}>
              {t('sanitation.notice.printPart', { part: partLabel(part) })}
            </Button>
            {parts.indexOf(part) < parts.length - 1 ? (
              <Button
                variant="default"
                onClick={() => {
                  setPartIndex(parts.indexOf(part) + 1)
                  setSaved(null)
                }}
              >
                {t('sanitation.notice.nextPart')}
              </Button>
            ) : null}
          </Group>
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
      {part
        ? all
            .slice(part.from - 1, part.to)
            .map((notice) => <NoticeDocument key={notice.payer.id} notice={notice} />)
        : null}
    </Stack>
  )
}
