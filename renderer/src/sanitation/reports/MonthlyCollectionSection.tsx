import { Table, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { CallErrorAlert } from '../../ui/CallErrorAlert'
import { EChart } from '../../ui/EChart'
import { formatNumber } from '../../ui/formatNumber'
import { ScrollRegion } from '../../ui/ScrollRegion'
import { useFormat } from '../../ui/useFormat'
import { periodLabel } from '../periodLabel'
import { chartColours } from './chartColours'
import { collectionRate, formatRate } from './collectionRate'
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
  const exportTable = data
    ? () => ({
        title,
        columns: [
          { header: t('sanitation.reports.monthly.period'), kind: 'text' as const },
          { header: names.charged, kind: 'money' as const },
          { header: names.paid, kind: 'money' as const },
          { header: names.rate, kind: 'percent' as const },
        ],
        rows: data.months.map((m) => [
          periodLabel(m.period, language),
          m.chargedTetri,
          m.paidTetri,
          collectionRate(m.paidTetri, m.chargedTetri),
        ]),
        footer: [
          t('sanitation.reports.total'),
          data.chargedTetri,
          data.paidTetri,
          collectionRate(data.paidTetri, data.chargedTetri),
        ],
      })
    : null
  return (
    <ReportSection
      id="sanitation-monthly-title"
      title={title}
      exportTable={exportTable}
      fileSuffix={`${range.fromPeriod}_${range.toPeriod}`}
    >
      {report.isError ? <CallErrorAlert error={report.error} onReload={() => void report.refetch()} /> : null}
      {data && data.months.length === 0 ? <Text c="dimmed">{t('sanitation.reports.empty')}</Text> : null}
      {data && option && data.months.length > 0 ? (
        <>
          <EChart option={option} label={t('sanitation.reports.monthly.chart')} height={340} />
          <ScrollRegion label={title} maxHeight={420}>
            <Table striped stickyHeader aria-label={title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sanitation.reports.monthly.period')}</Table.Th>
                  <Table.Th ta="right">{names.charged}</Table.Th>
                  <Table.Th ta="right">{names.paid}</Table.Th>
                  <Table.Th ta="right">{names.rate}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.months.map((m) => (
                  <Table.Tr key={m.period}>
                    <Table.Td>{periodLabel(m.period, language)}</Table.Td>
                    <Table.Td ta="right">{format.money(m.chargedTetri)}</Table.Td>
                    <Table.Td ta="right">{format.money(m.paidTetri)}</Table.Td>
                    <Table.Td ta="right">
                      {formatRate(collectionRate(m.paidTetri, m.chargedTetri), language)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Td>{t('sanitation.reports.total')}</Table.Td>
                  <Table.Td ta="right">{format.money(data.chargedTetri)}</Table.Td>
                  <Table.Td ta="right">{format.money(data.paidTetri)}</Table.Td>
                  <Table.Td ta="right">
                    {formatRate(collectionRate(data.paidTetri, data.chargedTetri), language)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollRegion>
        </>
      ) : null}
    </ReportSection>
  )
}
