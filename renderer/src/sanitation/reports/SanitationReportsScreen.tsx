import { Alert, Center, Divider, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isoDateInTbilisi } from '../../../../domain/georgian'
import { addPeriods, periodOfDate } from '../../../../domain/sanitation/period'
import { hasCode } from '../../app/apiFailure'
import { useFormat } from '../../ui/useFormat'
import { periodLabel, recentPeriods } from '../periodLabel'
import { ArrearsAgeingSection } from './ArrearsAgeingSection'
import { MonthlyCollectionSection } from './MonthlyCollectionSection'
import { useCollectionReport } from './sanitationReportQueries'
import { TopDebtorsSection } from './TopDebtorsSection'
import { UnitCollectionSection } from './UnitCollectionSection'

/**
 * The head's and the auditor's sanitation reports: billed vs collected by month and by territorial
 * unit over a range of periods, arrears ageing and top debtors as of today; each table to Excel.
 */
export default function SanitationReportsScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const current = periodOfDate(isoDateInTbilisi(Date.now()))
  const [range, setRange] = useState({ fromPeriod: addPeriods(current, -11), toPeriod: current })
  const first = useCollectionReport(range)
  const periods = recentPeriods(current, 36).map((p) => ({
    value: p,
    label: periodLabel(p, format.language),
  }))
  return (
    <Stack gap="lg" maw={1400}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('sanitation.reports.title')}
        </Title>
        <Group>
          <Select
            label={t('sanitation.reports.from')}
            data={periods}
            value={range.fromPeriod}
            onChange={(v) => v && setRange((r) => ({ fromPeriod: v, toPeriod: [v, r.toPeriod].sort()[1]! }))}
            allowDeselect={false}
            w={180}
          />
          <Select
            label={t('sanitation.reports.to')}
            data={periods}
            value={range.toPeriod}
            onChange={(v) =>
              v && setRange((r) => ({ toPeriod: v, fromPeriod: [v, r.fromPeriod].sort()[0]! }))
            }
            allowDeselect={false}
            w={180}
          />
        </Group>
      </Group>
      {first.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : hasCode(first.error, 'FORBIDDEN') ? (
        <Alert color="orange" role="alert" title={t('errors.FORBIDDEN')}>
          <Text size="sm">{t('reports.forbidden')}</Text>
        </Alert>
      ) : (
        <Paper withBorder p="lg">
          <Stack gap="xl">
            <MonthlyCollectionSection range={range} />
            <Divider />
            <UnitCollectionSection range={range} />
            <Divider />
            <ArrearsAgeingSection />
            <Divider />
            <TopDebtorsSection />
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
