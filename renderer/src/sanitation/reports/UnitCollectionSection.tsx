import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useUnitNames } from '../../reference/territorialUnits'
import { EChart } from '../../ui/EChart'
import { formatNumber } from '../../ui/formatNumber'
import { useFormat } from '../../ui/useFormat'
import { CollectionTable } from './CollectionTable'
import { chartColours } from './chartColours'
import { collectionExport } from './collectionExport'
import { collectionRate } from './collectionRate'
import { ReportSection } from './ReportSection'
import { type PeriodRange, useUnitCollectionReport } from './sanitationReportQueries'

/** Charged, paid and the collection rate per territorial unit over the range. */
export function UnitCollectionSection({ range }: { range: PeriodRange }) {
  const { t } = useTranslation()
  const format = useFormat()
  const language = format.language
  const unitName = useUnitNames(language)
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
  const rows = data?.units.map((u) => ({
    key: String(u.territorialUnitId),
    label: unitName(u.territorialUnitId),
    chargedTetri: u.chargedTetri,
    paidTetri: u.paidTetri,
  }))
  const firstHeader = t('sanitation.reports.units.unit')
  const exportTable = data && rows ? () => collectionExport(t, title, firstHeader, rows, data) : null
  return (
    <ReportSection
      id="sanitation-units-title"
      title={title}
      exportTable={exportTable}
      fileSuffix={`${range.fromPeriod}_${range.toPeriod}`}
      query={report}
    >
      {data && option ? (
        <>
          <EChart option={option} label={t('sanitation.reports.units.chart')} height={360} />
          <CollectionTable label={title} firstHeader={firstHeader} rows={rows ?? []} total={data} />
        </>
      ) : null}
    </ReportSection>
  )
}
