import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { citeLegalAct, type LegalActKind } from '../../../../domain/georgian/legalAct'
import type { PayerAccountView } from '../../../../domain/sanitation/views'
import { useFormat } from '../../ui/useFormat'

/** The payer's instalment plans and its own exemptions, each with the act that granted it. */
export function ReliefTab({ account }: { account: PayerAccountView }) {
  const { t } = useTranslation()
  const format = useFormat()
  const act = (a: { legalActNumber: string; legalActDate: string; legalActKind: LegalActKind }) =>
    citeLegalAct({ number: a.legalActNumber, date: a.legalActDate, kind: a.legalActKind })
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('sanitation.card.plans')}
        </Title>
        {account.plans.length === 0 ? (
          <Text c="dimmed">{t('sanitation.card.noPlans')}</Text>
        ) : (
          <Table withRowBorders verticalSpacing="xs" aria-label={t('sanitation.card.plans')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sanitation.card.agreedOn')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.card.planTotal')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.card.instalments')}</Table.Th>
                <Table.Th>{t('sanitation.card.firstDueOn')}</Table.Th>
                <Table.Th>{t('sanitation.card.state')}</Table.Th>
                <Table.Th>{t('sanitation.card.legalAct')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {account.plans.map((plan) => (
                <Table.Tr key={plan.id}>
                  <Table.Td>{format.date(plan.agreedOn)}</Table.Td>
                  <Table.Td ta="right">{format.money(plan.totalTetri)}</Table.Td>
                  <Table.Td ta="right">{format.number(plan.instalments)}</Table.Td>
                  <Table.Td>{format.date(plan.firstDueOn)}</Table.Td>
                  <Table.Td>{t(`sanitation.planState.${plan.state}`)}</Table.Td>
                  <Table.Td>{act(plan)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('sanitation.card.exemptions')}
        </Title>
        {account.exemptions.length === 0 ? (
          <Text c="dimmed">{t('sanitation.card.noExemptions')}</Text>
        ) : (
          <Table withRowBorders verticalSpacing="xs" aria-label={t('sanitation.card.exemptions')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">{t('sanitation.card.reliefPercent')}</Table.Th>
                <Table.Th>{t('sanitation.card.validFrom')}</Table.Th>
                <Table.Th>{t('sanitation.card.reason')}</Table.Th>
                <Table.Th>{t('sanitation.card.legalAct')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {account.exemptions.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td ta="right">{e.reliefPercent}%</Table.Td>
                  <Table.Td>
                    {e.fromPeriod} – {e.toPeriod ?? ''}
                  </Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                  <Table.Td>{act(e)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  )
}
