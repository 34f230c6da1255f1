import { Anchor, Group, NumberInput, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isoDateInTbilisi } from '../../../domain/georgian'
import { useRouter } from '../app/router'
import { ErrorAlert } from '../ui/ErrorAlert'
import { Figure } from '../ui/Figure'
import { ScrollRegion } from '../ui/ScrollRegion'
import { useFormat } from '../ui/useFormat'
import { useLeaseIncomeReport } from './reportQueries'

const thisYear = () => Number(isoDateInTbilisi(Date.now()).slice(0, 4))

/** Rent due, paid and owed in a chosen year, per lease and in total. */
export function LeaseIncomeSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const { navigate } = useRouter()
  const [yearInput, setYearInput] = useState<number | string>(thisYear())
  const [year] = useDebouncedValue(typeof yearInput === 'number' ? yearInput : Number.NaN, 300)
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100
  const report = useLeaseIncomeReport(year, valid)
  const data = report.data

  return (
    <Stack component="section" aria-labelledby="income-report-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="income-report-title">
          {t('reports.income.title')}
        </Title>
        <NumberInput
          label={t('reports.income.year')}
          value={yearInput}
          onChange={setYearInput}
          min={2000}
          max={2100}
          allowDecimal={false}
          thousandSeparator=""
          w={140}
        />
      </Group>
      {report.isError ? <ErrorAlert error={report.error} onReload={() => void report.refetch()} /> : null}
      {data ? (
        data.rows.length === 0 ? (
          <Text c="dimmed">{t('reports.income.empty')}</Text>
        ) : (
          <>
            <SimpleGrid cols={3}>
              <Figure label={t('reports.income.due')} value={format.money(data.dueTetri)} />
              <Figure label={t('reports.income.paid')} value={format.money(data.paidTetri)} />
              <Figure
                label={t('reports.income.arrears')}
                value={format.money(data.arrearsTetri)}
                alert={data.arrearsTetri > 0}
              />
            </SimpleGrid>
            <ScrollRegion label={`${t('reports.income.title')} ${data.year}`}>
              <Table striped stickyHeader aria-label={`${t('reports.income.title')} ${data.year}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.income.inventoryNumber')}</Table.Th>
                    <Table.Th>{t('reports.income.contract')}</Table.Th>
                    <Table.Th>{t('reports.income.tenant')}</Table.Th>
                    <Table.Th ta="right">{t('reports.income.due')}</Table.Th>
                    <Table.Th ta="right">{t('reports.income.paid')}</Table.Th>
                    <Table.Th ta="right">{t('reports.income.arrears')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((row) => (
                    <Table.Tr key={row.leaseId}>
                      <Table.Td>
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          onClick={() =>
                            navigate({ name: 'propertyDetail', id: row.objectId, tab: 'leases' })
                          }
                        >
                          {row.inventoryNumber}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{row.contractNumber}</Table.Td>
                      <Table.Td>{row.tenantName}</Table.Td>
                      <Table.Td ta="right">{format.money(row.dueTetri)}</Table.Td>
                      <Table.Td ta="right">{format.money(row.paidTetri)}</Table.Td>
                      <Table.Td ta="right" c={row.arrearsTetri > 0 ? 'red.8' : undefined}>
                        {format.money(row.arrearsTetri)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr fw={700}>
                    <Table.Td colSpan={3}>{t('reports.income.total')}</Table.Td>
                    <Table.Td ta="right">{format.money(data.dueTetri)}</Table.Td>
                    <Table.Td ta="right">{format.money(data.paidTetri)}</Table.Td>
                    <Table.Td ta="right" c={data.arrearsTetri > 0 ? 'red.8' : undefined}>
                      {format.money(data.arrearsTetri)}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </ScrollRegion>
          </>
        )
      ) : null}
    </Stack>
  )
}
