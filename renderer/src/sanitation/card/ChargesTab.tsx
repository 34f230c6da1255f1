import { Paper, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PayerAccountView } from '../../../../domain/sanitation/views'
import { useFormat } from '../../ui/useFormat'

/** Every line charged to the payer, newest first, each with its rate and legal basis. */
export function ChargesTab({ charges }: { charges: PayerAccountView['charges'] }) {
  const { t } = useTranslation()
  const format = useFormat()
  if (charges.length === 0) {
    return (
      <Paper withBorder p="lg">
        <Text c="dimmed">{t('sanitation.card.noCharges')}</Text>
      </Paper>
    )
  }
  const lines = [...charges].reverse()
  return (
    <Paper withBorder p={0}>
      <Table withRowBorders verticalSpacing="xs" aria-label={t('sanitation.card.charges')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="9%">{t('sanitation.field.period')}</Table.Th>
            <Table.Th w="11%">{t('sanitation.field.kind')}</Table.Th>
            <Table.Th w="11%" ta="right">
              {t('sanitation.card.rate')}
            </Table.Th>
            <Table.Th w="9%" ta="right">
              {t('sanitation.card.quantity')}
            </Table.Th>
            <Table.Th w="8%" ta="right">
              {t('sanitation.card.reliefPercent')}
            </Table.Th>
            <Table.Th w="12%" ta="right">
              {t('sanitation.field.amountTetri')}
            </Table.Th>
            <Table.Th>{t('sanitation.card.legalBasis')}</Table.Th>
            <Table.Th w="10%">{t('sanitation.card.issuedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td>{line.period}</Table.Td>
              <Table.Td>{t(`sanitation.chargeKind.${line.kind}`)}</Table.Td>
              <Table.Td ta="right">{format.money(line.rateTetri)}</Table.Td>
              <Table.Td ta="right">{format.number(line.quantityHundredths / 100)}</Table.Td>
              <Table.Td ta="right">{line.reliefPercent > 0 ? `${line.reliefPercent}%` : ''}</Table.Td>
              <Table.Td ta="right">{format.money(line.amountTetri)}</Table.Td>
              <Table.Td>
                <Text size="xs">{line.legalBasis}</Text>
              </Table.Td>
              <Table.Td>{format.date(line.issuedOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
