import { Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart } from '../../ui/EChart'
import { formatNumber } from '../../ui/formatNumber'
import { ScrollRegion } from '../../ui/ScrollRegion'
import { useFormat } from '../../ui/useFormat'
import { periodLabel } from '../periodLabel'
import { CollectionTable } from './CollectionTable'
import { chartColours } from './chartColours'
import { collectionExport } from './collectionExport'
import { collectionRate } from './collectionRate'
import { ReportSection } from './ReportSection'
import { type PeriodRange, useCollectionReport } from './sanitationReportQueries'

/** Billed against collected, month by month, with the collection rate. */
export function MonthlyCollectionSection({ range }: { range: PeriodRange }) {
  const { t } = useTranslation()
  const format = useFormat()
  const language = format.language
  const report = useCollectionReport(range)
  const data = report.data
  const title = t('sanitation.reports.monthly.title')
  const names = {
    charged: t('sanitation.reports.charged'),
    paid: t('sanitation.reports.paid'),
    rate: t('sanitation.reports.rate'),
  }
  const option = useMemo(
    () =>
      data && {
        color: [chartColours.charged, chartColours.paid, chartColours.rate],
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 90, right: 60, top: 40, bottom: 70 },
        xAxis: {
          type: 'category',
          data: data.months.map((m) => periodLabel(m.period, language)),
          axisLabel: { interval: 0, rotate: 35 },
        },
        yAxis: [
          { type: 'value', axisLabel: { formatter: (v: number) => `${formatNumber(v, language)} ₾` } },
          {
            type: 'value',
            min: 0,
            // A month where arrears were paid goes past 100%; a month barely billed yet would flatten the rest.
            max: (extent: { max: number }) => Math.min(200, Math.max(100, Math.ceil(extent.max / 10) * 10)),
            axisLabel: { formatter: (v: number) => `${v}%` },
            splitLine: { show: false },
          },
        ],
        series: [
          { name: names.charged, type: 'bar', data: data.months.map((m) => m.chargedTetri / 100) },
          { name: names.paid, type: 'bar', data: data.months.map((m) => m.paidTetri / 100) },
          {
            name: names.rate,
            type: 'line',
            yAxisIndex: 1,
            data: data.months.map((m) => {
              const rate = collectionRate(m.paidTetri, m.chargedTetri)
              return rate === null ? null : Math.round(rate * 1000) / 10
            }),
          },
        ],
      },
    [data, language, names.charged, names.paid, names.rate],
  )
  const rows = data?.months.map((m) => ({
    key: m.period,
    label: periodLabel(m.period, language),
    chargedTetri: m.chargedTetri,
    paidTetri: m.paidTetri,
  }))
  const firstHeader = t('sanitation.reports.monthly.period')
  const exportTable = data && rows ? () => collectionExport(t, title, firstHeader, rows, data) : null
  return (
    <ReportSection
      id="sanitation-monthly-title"
      title={title}
      exportTable={exportTable}
      fileSuffix={`${range.fromPeriod}_${range.toPeriod}`}
      query={report}
    >
      {data && data.months.length === 0 ? <Text c="dimmed">{t('sanitation.reports.empty')}</Text> : null}
      {data && option && data.months.length > 0 ? (
        <>
          <EChart option={option} label={t('sanitation.reports.monthly.chart')} height={340} />
          <ScrollRegion label={title} maxHeight={420}>
            <CollectionTable
              label={title}
              firstHeader={firstHeader}
              rows={rows ?? []}
              total={data}
              stickyHeader
            />
          </ScrollRegion>
        </>
      ) : null}
    </ReportSection>
  )
}
