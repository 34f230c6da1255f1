import { Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../ui/useFormat'
import type { CollectionRow } from './collectionExport'
import { collectionRate, formatRate } from './collectionRate'

interface Props {
  label: string
  firstHeader: string
  rows: CollectionRow[]
  total: { chargedTetri: number; paidTetri: number }
  stickyHeader?: boolean
}

/** Charged, paid and the collection rate a row (a month, a unit), with the total beneath. */
export function CollectionTable({ label, firstHeader, rows, total, stickyHeader }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const rate = (paid: number, charged: number) => formatRate(collectionRate(paid, charged), format.language)
  return (
    <Table striped stickyHeader={stickyHeader} aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{firstHeader}</Table.Th>
          <Table.Th ta="right">{t('sanitation.reports.charged')}</Table.Th>
          <Table.Th ta="right">{t('sanitation.reports.paid')}</Table.Th>
          <Table.Th ta="right">{t('sanitation.reports.rate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right">{format.money(r.chargedTetri)}</Table.Td>
            <Table.Td ta="right">{format.money(r.paidTetri)}</Table.Td>
            <Table.Td ta="right">{rate(r.paidTetri, r.chargedTetri)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr fw={700}>
          <Table.Td>{t('sanitation.reports.total')}</Table.Td>
          <Table.Td ta="right">{format.money(total.chargedTetri)}</Table.Td>
          <Table.Td ta="right">{format.money(total.paidTetri)}</Table.Td>
          <Table.Td ta="right">{rate(total.paidTetri, total.chargedTetri)}</Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  )
}
