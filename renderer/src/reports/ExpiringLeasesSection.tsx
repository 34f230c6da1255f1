import { Anchor, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useRouter } from '../app/router'
import { ErrorAlert } from '../ui/ErrorAlert'
import { ScrollRegion } from '../ui/ScrollRegion'
import { useFormat } from '../ui/useFormat'
import { useExpiringLeases } from './reportQueries'

/** Leases whose term ends within the next N days (90 unless the clerk asks otherwise). */
export function ExpiringLeasesSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const { navigate } = useRouter()
  const [daysInput, setDaysInput] = useState<number | string>(90)
  const [days] = useDebouncedValue(typeof daysInput === 'number' ? daysInput : Number.NaN, 300)
  const valid = Number.isInteger(days) && days >= 1 && days <= 3650
  const report = useExpiringLeases(days, valid)

  return (
    <Stack component="section" aria-labelledby="expiring-report-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="expiring-report-title">
          {t('reports.expiring.title')}
        </Title>
        <NumberInput
          label={t('reports.expiring.withinDays')}
          value={daysInput}
          onChange={setDaysInput}
          min={1}
          max={3650}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=""
          w={160}
        />
      </Group>
      {report.isError ? <ErrorAlert error={report.error} onReload={() => void report.refetch()} /> : null}
      {report.data ? (
        report.data.length === 0 ? (
          <Text c="dimmed">{t('reports.expiring.empty')}</Text>
        ) : (
          <ScrollRegion label={t('reports.expiring.title')}>
            <Table striped stickyHeader aria-label={t('reports.expiring.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.income.inventoryNumber')}</Table.Th>
                  <Table.Th>{t('reports.income.contract')}</Table.Th>
                  <Table.Th>{t('reports.income.tenant')}</Table.Th>
                  <Table.Th>{t('reports.expiring.endDate')}</Table.Th>
                  <Table.Th ta="right">{t('reports.expiring.daysLeft')}</Table.Th>
                  <Table.Th ta="right">{t('reports.expiring.annualRent')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.map((lease) => (
                  <Table.Tr key={lease.leaseId}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() =>
                          navigate({ name: 'propertyDetail', id: lease.objectId, tab: 'leases' })
                        }
                      >
                        {lease.inventoryNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{lease.contractNumber}</Table.Td>
                    <Table.Td>{lease.tenantName}</Table.Td>
                    <Table.Td>{format.date(lease.endDate)}</Table.Td>
                    <Table.Td ta="right">{format.number(lease.daysLeft)}</Table.Td>
                    <Table.Td ta="right">{format.money(lease.annualRentTetri)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )
      ) : null}
    </Stack>
  )
}
