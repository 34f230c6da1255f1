import { NumberInput, Select, Table, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { unitName, useTerritorialUnits, useUnitNames } from '../../reference/territorialUnits'
import { ScrollRegion } from '../../ui/ScrollRegion'
import { useFormat } from '../../ui/useFormat'
import { ReportSection } from './ReportSection'
import { useTopDebtors } from './sanitationReportQueries'

const ALL = 'all'

/** The payers owing the most overdue, optionally in one territorial unit. */
export function TopDebtorsSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const language = format.language
  const units = useTerritorialUnits()
  const unitLabel = useUnitNames(language)
  const [unit, setUnit] = useState(ALL)
  const [limitInput, setLimitInput] = useState<number | string>(50)
  const [limit] = useDebouncedValue(
    typeof limitInput === 'number' && Number.isInteger(limitInput)
      ? Math.min(1000, Math.max(1, limitInput))
      : 50,
    300,
  )
  const report = useTopDebtors({ territorialUnitId: unit === ALL ? null : unit, limit })
  const data = report.data
  const title = t('sanitation.reports.debtors.title')
  const kindName = (kind: string) => t(`sanitation.reports.kind.${kind}`)
  const exportTable = data
    ? () => ({
        title: unit === ALL ? title : `${title} ${unitLabel(unit)}`,
        columns: [
          { header: '№', kind: 'number' as const },
          { header: t('sanitation.reports.debtors.paymentCode'), kind: 'text' as const },
          { header: t('sanitation.reports.debtors.name'), kind: 'text' as const },
          { header: t('sanitation.reports.debtors.kind'), kind: 'text' as const },
          { header: t('sanitation.reports.units.unit'), kind: 'text' as const },
          { header: t('sanitation.reports.debtors.arrears'), kind: 'money' as const },
          { header: t('sanitation.reports.debtors.balance'), kind: 'money' as const },
        ],
        rows: data.rows.map((r, i) => [
          i + 1,
          r.paymentCode,
          r.name,
          kindName(r.kind),
          unitLabel(r.territorialUnitId),
          r.arrearsTetri,
          r.balanceTetri,
        ]),
        footer: [null, t('sanitation.reports.total'), null, null, null, data.arrearsTetri, data.balanceTetri],
      })
    : null
  return (
    <ReportSection
      id="sanitation-debtors-title"
      title={title}
      controls={
        <>
          <Select
            label={t('sanitation.billing.unit')}
            data={[
              { value: ALL, label: t('sanitation.billing.allUnits') },
              ...(units.data ?? []).map((u) => ({ value: u.id, label: unitName(u, language) })),
            ]}
            value={unit}
            onChange={(v) => v && setUnit(v)}
            allowDeselect={false}
            size="xs"
            w={240}
          />
          <NumberInput
            label={t('sanitation.reports.debtors.limit')}
            value={limitInput}
            onChange={setLimitInput}
            min={1}
            max={1000}
            allowDecimal={false}
            size="xs"
            w={110}
          />
        </>
      }
      exportTable={exportTable}
      fileSuffix={isoToday()}
      query={report}
    >
      {data && data.rows.length === 0 ? (
        <Text c="dimmed">{t('sanitation.reports.debtors.empty')}</Text>
      ) : null}
      {data && data.rows.length > 0 ? (
        <ScrollRegion label={title} maxHeight={520}>
          <Table striped stickyHeader aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">№</Table.Th>
                <Table.Th>{t('sanitation.reports.debtors.paymentCode')}</Table.Th>
                <Table.Th>{t('sanitation.reports.debtors.name')}</Table.Th>
                <Table.Th>{t('sanitation.reports.debtors.kind')}</Table.Th>
                <Table.Th>{t('sanitation.reports.units.unit')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.reports.debtors.arrears')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.reports.debtors.balance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r, i) => (
                <Table.Tr key={r.payerId}>
                  <Table.Td ta="right">{i + 1}</Table.Td>
                  <Table.Td>{r.paymentCode}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{kindName(r.kind)}</Table.Td>
                  <Table.Td>{unitLabel(r.territorialUnitId)}</Table.Td>
                  <Table.Td ta="right" c="red.8">
                    {format.money(r.arrearsTetri)}
                  </Table.Td>
                  <Table.Td ta="right">{format.money(r.balanceTetri)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td />
                <Table.Td colSpan={4}>{t('sanitation.reports.total')}</Table.Td>
                <Table.Td ta="right">{format.money(data.arrearsTetri)}</Table.Td>
                <Table.Td ta="right">{format.money(data.balanceTetri)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollRegion>
      ) : null}
    </ReportSection>
  )
}

const isoToday = () => new Date().toISOString().slice(0, 10)
