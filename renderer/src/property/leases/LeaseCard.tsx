import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isoDateInTbilisi } from '../../../../domain/georgian'
import type { LeaseView } from '../../../../domain/property/views'
import { FieldList } from '../../ui/FieldList'
import { Figure } from '../../ui/Figure'
import { formatPhone } from '../../ui/formatPhone'
import { useFormat } from '../../ui/useFormat'
import { leaseStatus } from './leaseStatus'
import { PaymentForm } from './PaymentForm'
import { TerminateLeaseForm } from './TerminateLeaseForm'

const statusColor = { active: 'green', ended: 'gray', terminated: 'orange' } as const

/** One lease: tenant and terms, what fell due, what was paid, the arrears, and its payments. */
export function LeaseCard({ lease }: { lease: LeaseView }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [dialog, setDialog] = useState<'payment' | 'terminate' | null>(null)
  const status = leaseStatus(lease, isoDateInTbilisi(Date.now()))
  const label = (name: string) => t(`property.field.${name}`)
  const statusText =
    status === 'terminated'
      ? t('property.leases.terminated', { date: format.date(lease.terminatedOn) })
      : t(`property.leases.${status}`)

  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-label={t('property.leases.contract', { number: lease.contractNumber })}
    >
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={3} size="h4">
                {t('property.leases.contract', { number: lease.contractNumber })}
              </Title>
              <Badge color={statusColor[status]} variant="light">
                {statusText}
              </Badge>
            </Group>
            <Text size="sm">
              {lease.tenantName} · {t(`property.tenantKind.${lease.tenantKind}`)}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button size="xs" onClick={() => setDialog('payment')}>
              {t('property.leases.addPayment')}
            </Button>
            {status !== 'terminated' ? (
              <Button size="xs" variant="default" onClick={() => setDialog('terminate')}>
                {t('property.leases.terminate')}
              </Button>
            ) : null}
          </Group>
        </Group>

        <FieldList
          items={[
            { label: label('tenantIdNumber'), value: format.text(lease.tenantIdNumber) },
            {
              label: label('tenantPhone'),
              value: lease.tenantPhone ? formatPhone(lease.tenantPhone) : format.text(null),
            },
            {
              label: t('property.leases.term'),
              value: `${format.date(lease.startDate)} – ${format.date(lease.endDate)}`,
            },
            { label: label('annualRentTetri'), value: format.money(lease.annualRentTetri) },
            { label: label('schedule'), value: t(`property.schedule.${lease.schedule}`) },
            { label: label('legalBasis'), value: format.text(lease.legalBasis) },
          ]}
        />

        <SimpleGrid cols={3}>
          <Figure label={t('property.leases.dueToDate')} value={format.money(lease.dueToDateTetri)} />
          <Figure label={t('property.leases.paid')} value={format.money(lease.paidTetri)} />
          <Figure
            label={t('property.leases.arrears')}
            value={format.money(lease.arrearsTetri)}
            alert={lease.arrearsTetri > 0}
          />
        </SimpleGrid>

        <Stack gap="xs">
          <Title order={4} size="h5">
            {t('property.leases.payments')}
          </Title>
          {lease.payments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('property.leases.noPayments')}
            </Text>
          ) : (
            <Table withTableBorder striped aria-label={t('property.leases.payments')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{label('paidOn')}</Table.Th>
                  <Table.Th ta="right">{label('amountTetri')}</Table.Th>
                  <Table.Th>{label('reference')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lease.payments.map((payment) => (
                  <Table.Tr key={payment.id}>
                    <Table.Td>{format.date(payment.paidOn)}</Table.Td>
                    <Table.Td ta="right">{format.money(payment.amountTetri)}</Table.Td>
                    <Table.Td>{format.text(payment.reference)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Stack>
      <PaymentForm leaseId={lease.id} opened={dialog === 'payment'} onClose={() => setDialog(null)} />
      <TerminateLeaseForm lease={lease} opened={dialog === 'terminate'} onClose={() => setDialog(null)} />
    </Paper>
  )
}
