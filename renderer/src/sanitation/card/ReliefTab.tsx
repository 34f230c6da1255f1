import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { citeLegalAct, type LegalActKind } from '../../../../domain/georgian/legalAct'
import type { PayerAccountView } from '../../../../domain/sanitation/views'
import { useFormat } from '../../ui/useFormat'
import { ExemptionDialog } from '../forms/ExemptionForm'
import { InstalmentPlanDialog } from '../forms/InstalmentPlanForm'

/** The payer's instalment plans and its own exemptions, each with the act that granted it. */
export function ReliefTab({ account, writes }: { account: PayerAccountView; writes: boolean }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [dialog, setDialog] = useState<'plan' | 'exemption' | null>(null)
  const act = (a: { legalActNumber: string; legalActDate: string; legalActKind: LegalActKind }) =>
    citeLegalAct({ number: a.legalActNumber, date: a.legalActDate, kind: a.legalActKind })
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('sanitation.card.plans')}
          </Title>
          {writes && account.arrearsTetri > 0 ? (
            <Button size="xs" variant="light" onClick={() => setDialog('plan')}>
              {t('sanitation.card.addPlan')}
            </Button>
          ) : null}
        </Group>
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
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('sanitation.card.exemptions')}
          </Title>
          {writes ? (
            <Button size="xs" variant="light" onClick={() => setDialog('exemption')}>
              {t('sanitation.card.addExemption')}
            </Button>
          ) : null}
        </Group>
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
      <InstalmentPlanDialog
        opened={dialog === 'plan'}
        onClose={() => setDialog(null)}
        payerId={account.payer.id}
        debtTetri={account.arrearsTetri}
      />
      <ExemptionDialog
        opened={dialog === 'exemption'}
        onClose={() => setDialog(null)}
        payerId={account.payer.id}
      />
    </Stack>
  )
}
