import { Button, Paper, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PayerAccountView } from '../../../../domain/sanitation/views'
import { useRouter } from '../../app/router'
import { useFormat } from '../../ui/useFormat'

/** The payer's payments, newest first; a counter payment opens its receipt again. */
export function PaymentsTab({ payments }: { payments: PayerAccountView['payments'] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { navigate } = useRouter()
  if (payments.length === 0) {
    return (
      <Paper withBorder p="lg">
        <Text c="dimmed">{t('sanitation.card.noPayments')}</Text>
      </Paper>
    )
  }
  const rows = [...payments].reverse()
  return (
    <Paper withBorder p={0}>
      <Table withRowBorders verticalSpacing="xs" aria-label={t('sanitation.card.payments')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="12%">{t('sanitation.field.paidOn')}</Table.Th>
            <Table.Th w="14%" ta="right">
              {t('sanitation.field.amountTetri')}
            </Table.Th>
            <Table.Th w="10%">{t('sanitation.field.channel')}</Table.Th>
            <Table.Th w="26%">{t('sanitation.field.receiptNumber')}</Table.Th>
            <Table.Th>{t('sanitation.field.note')}</Table.Th>
            <Table.Th w="10%" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{format.date(p.paidOn)}</Table.Td>
              <Table.Td ta="right">{format.money(p.amountTetri)}</Table.Td>
              <Table.Td>{t(`sanitation.channel.${p.channel}`)}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {p.receiptNumber ?? p.bankReference ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>{p.note}</Table.Td>
              <Table.Td>
                {p.receiptNumber ? (
                  <Button
                    size="compact-sm"
                    variant="light"
                    aria-label={`${t('sanitation.card.openReceipt')} ${p.receiptNumber}`}
                    onClick={() => navigate({ name: 'sanitationReceipt', paymentId: p.id })}
                  >
                    {t('sanitation.card.openReceipt')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
