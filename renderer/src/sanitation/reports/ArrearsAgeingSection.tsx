import { Table, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useUnitNames } from '../../reference/territorialUnits'
import { EChart } from '../../ui/EChart'
import { formatNumber } from '../../ui/formatNumber'
import { useFormat } from '../../ui/useFormat'
import { chartColours } from './chartColours'
import { ReportSection } from './ReportSection'
import { useArrearsAgeingReport } from './sanitationReportQueries'

const buckets = ['d0to30', 'd31to90', 'd91to180', 'd181to365', 'over365'] as const

/** Overdue arrears by how long they are overdue, per territorial unit, as of today. */
export function ArrearsAgeingSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const language = format.language
  const unitName = useUnitNames(language)
  const report = useArrearsAgeingReport()
  const data = report.data
  const title = t('sanitation.reports.ageing.title')
  const bucketNames = useMemo(() => buckets.map((b) => t(`sanitation.reports.ageing.${b}`)), [t])
  const option = useMemo(
    () =>
      data && {
        color: [...chartColours.ageing],
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${formatNumber(v, language)} ₾` },
        legend: { top: 0 },
        grid: { left: 200, right: 40, top: 40, bottom: 30 },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${formatNumber(v, language)} ₾` } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: data.units.map((u) => unitName(u.territorialUnitId)),
        },
        series: buckets.map((b, i) => ({
          name: bucketNames[i],
          type: 'bar',
          stack: 'arrears',
          data: data.units.map((u) => u[b] / 100),
        })),
      },
    [data, language, unitName, bucketNames],
  )
  const exportTable = data
    ? () => ({
        title: `${title} ${format.date(data.asOf)}`,
        columns: [
          { header: t('sanitation.reports.units.unit'), kind: 'text' as const },
          { header: t('sanitation.reports.ageing.debtors'), kind: 'number' as const },
          ...bucketNames.map((header) => ({ header, kind: 'money' as const })),
          { header: t('sanitation.reports.total'), kind: 'money' as const },
        ],
        rows: data.units.map((u) => [
          unitName(u.territorialUnitId),
          u.debtors,
          ...buckets.map((b) => u[b]),
          u.totalTetri,
        ]),
        footer: [
          t('sanitation.reports.total'),
          data.totals.debtors,
          ...buckets.map((b) => data.totals[b]),
          data.totals.totalTetri,
        ],
      })
    : null
  return (
    <ReportSection
      id="sanitation-ageing-title"
      title={title}
      controls={
        data ? (
          <Text size="sm" c="dimmed" pb={4}>
            {t('sanitation.reports.ageing.asOf', { date: format.date(data.asOf) })}
          </Text>
        ) : null
      }
      exportTable={exportTable}
      fileSuffix={data?.asOf ?? ''}
      query={report}
    >
      {data && option ? (
        <>
          <EChart option={option} label={t('sanitation.reports.ageing.chart')} height={380} />
          <Table striped aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sanitation.reports.units.unit')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.reports.ageing.debtors')}</Table.Th>
                {bucketNames.map((name) => (
                  <Table.Th ta="right" key={name}>
                    {name}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('sanitation.reports.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.units.map((u) => (
                <Table.Tr key={u.territorialUnitId}>
                  <Table.Td>{unitName(u.territorialUnitId)}</Table.Td>
                  <Table.Td ta="right">{format.number(u.debtors)}</Table.Td>
                  {buckets.map((b) => (
                    <Table.Td ta="right" key={b}>
                      {format.money(u[b])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{format.money(u.totalTetri)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td>{t('sanitation.reports.total')}</Table.Td>
                <Table.Td ta="right">{format.number(data.totals.debtors)}</Table.Td>
                {buckets.map((b) => (
                  <Table.Td ta="right" key={b}>
                    {format.money(data.totals[b])}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{format.money(data.totals.totalTetri)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </>
      ) : null}
    </ReportSection>
  )
}
