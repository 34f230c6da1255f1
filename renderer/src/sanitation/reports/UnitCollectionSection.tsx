import { Table } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { CallErrorAlert } from '../../ui/CallErrorAlert'
import { EChart } from '../../ui/EChart'
import { formatNumber } from '../../ui/formatNumber'
import { useFormat } from '../../ui/useFormat'
import { chartColours } from './chartColours'
import { collectionRate, formatRate } from './collectionRate'
import { ReportSection } from './ReportSection'
import { type PeriodRange, useUnitCollectionReport } from './sanitationReportQueries'
import { useUnitLabel } from './useUnitLabel'

/** Charged, paid and the collection rate per territorial unit over the range. */
export function UnitCollectionSection({ range }: { range: PeriodRange }) {
  const { t } = useTranslation()
  const format = useFormat()
  const language = format.language
  const unitName = useUnitLabel(language)
  const report = useUnitCollectionReport(range)
  const data = report.data
  const title = t('sanitation.reports.units.title')
  const rateName = t('sanitation.reports.rate')
  const option = useMemo(
    () =>
      data && {
        color: [chartColours.paid],
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${formatNumber(v, language, 1)}%` },
        grid: { left: 200, right: 40, top: 10, bottom: 30 },
        xAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => `${v}%` } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: data.units.map((u) => unitName(u.territorialUnitId)),
        },
        series: [
          {
            name: rateName,
            type: 'bar',
            data: data.units.map((u) => {
              const rate = collectionRate(u.paidTetri, u.chargedTetri)
              return rate === null ? 0 : Math.round(rate * 1000) / 10
            }),
            label: {
              show: true,
              position: 'right',
              formatter: ({ value }: { value: number }) => `${formatNumber(value, language, 1)}%`,
            },
          },
        ],
      },
    [data, language, unitName, rateName],
  )
  const exportTable = data
    ? () => ({
        title,
        columns: [
          { header: t('sanitation.reports.units.unit'), kind: 'text' as const },
          { header: t('sanitation.reports.charged'), kind: 'money' as const },
          { header: t('sanitation.reports.paid'), kind: 'money' as const },
          { header: rateName, kind: 'percent' as const },
        ],
        rows: data.units.map((u) => [
          unitName(u.territorialUnitId),
          u.chargedTetri,
          u.paidTetri,
          collectionRate(u.paidTetri, u.chargedTetri),
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
      id="sanitation-units-title"
      title={title}
      exportTable={exportTable}
      fileSuffix={`${range.fromPeriod}_${range.toPeriod}`}
    >
      {report.isError ? <CallErrorAlert error={report.error} onReload={() => void report.refetch()} /> : null}
      {data && option ? (
        <>
          <EChart option={option} label={t('sanitation.reports.units.chart')} height={360} />
          <Table striped aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sanitation.reports.units.unit')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.reports.charged')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.reports.paid')}</Table.Th>
                <Table.Th ta="right">{rateName}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.units.map((u) => (
                <Table.Tr key={u.territorialUnitId}>
                  <Table.Td>{unitName(u.territorialUnitId)}</Table.Td>
                  <Table.Td ta="right">{format.money(u.chargedTetri)}</Table.Td>
                  <Table.Td ta="right">{format.money(u.paidTetri)}</Table.Td>
                  <Table.Td ta="right">
                    {formatRate(collectionRate(u.paidTetri, u.chargedTetri), language)}
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
        </>
      ) : null}
    </ReportSection>
  )
}
