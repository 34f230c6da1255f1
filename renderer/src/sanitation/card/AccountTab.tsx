import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ArrearsBucket } from '../../../../domain/sanitation/account'
import type { PayerAccountView } from '../../../../domain/sanitation/views'
import { Figure } from '../../ui/Figure'
import { useFormat } from '../../ui/useFormat'

/** The account: what was charged and paid, what is owed and how old it is, month by month. */
export function AccountTab({ account }: { account: PayerAccountView }) {
  const { t } = useTranslation()
  const format = useFormat()
  const periods = [...account.periods].reverse()
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('sanitation.card.asOf', { date: format.date(account.asOf) })}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 6 }}>
        <Figure label={t('sanitation.card.charged')} value={format.money(account.chargedTetri)} />
        <Figure label={t('sanitation.card.paid')} value={format.money(account.paidTetri)} />
        <Figure label={t('sanitation.card.balance')} value={format.money(account.balanceTetri)} />
        <Figure
          label={t('sanitation.card.arrears')}
          value={format.money(account.arrearsTetri)}
          alert={account.arrearsTetri > 0}
        />
        <Figure label={t('sanitation.card.notDue')} value={format.money(account.notDueTetri)} />
        <Figure label={t('sanitation.card.credit')} value={format.money(account.creditTetri)} />
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('sanitation.card.ageing')}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 5 }}>
          {ArrearsBucket.map((bucket) => (
            <Figure
              key={bucket}
              label={t(`sanitation.card.age.${bucket}`)}
              value={format.money(account.ageing[bucket])}
              alert={account.ageing[bucket] > 0 && bucket !== 'd0to30'}
            />
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p={0}>
        <Table withRowBorders verticalSpacing="xs" aria-label={t('sanitation.card.periods')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sanitation.field.period')}</Table.Th>
              <Table.Th ta="right">{t('sanitation.card.periodCharged')}</Table.Th>
              <Table.Th ta="right">{t('sanitation.card.periodSettled')}</Table.Th>
              <Table.Th ta="right">{t('sanitation.card.periodOpen')}</Table.Th>
              <Table.Th>{t('sanitation.card.dueOn')}</Table.Th>
              <Table.Th ta="right">{t('sanitation.card.daysOverdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((p) => (
              <Table.Tr key={p.period}>
                <Table.Td>{p.period}</Table.Td>
                <Table.Td ta="right">{format.money(p.chargedTetri)}</Table.Td>
                <Table.Td ta="right">{format.money(p.settledTetri)}</Table.Td>
                <Table.Td ta="right" c={p.openTetri > 0 && p.daysOverdue > 0 ? 'red.8' : undefined}>
                  {format.money(p.openTetri)}
                </Table.Td>
                <Table.Td>{format.date(p.dueOn)}</Table.Td>
                <Table.Td ta="right">
                  {p.openTetri > 0 && p.daysOverdue > 0 ? format.number(p.daysOverdue) : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
