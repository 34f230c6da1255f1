import { Table, Title, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { GroupCount } from '../../../domain/property/views'
import { useFormat } from '../ui/useFormat'
import { Bar } from './Bar'

interface Props {
  title: string
  groups: readonly z.infer<typeof GroupCount>[]
  labelOf(key: string): string
}

/** One breakdown of the objects report: count, area and book value per group, with a bar for the count. */
export function GroupTable({ title, groups, labelOf }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const max = Math.max(0, ...groups.map((g) => g.count))
  const total = groups.reduce(
    (sum, g) => ({
      count: sum.count + g.count,
      area: sum.area + g.areaSqm,
      value: sum.value + g.bookValueTetri,
    }),
    { count: 0, area: 0, value: 0 },
  )
  return (
    <section aria-label={title}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Table withTableBorder striped aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="30%">{t('reports.objects.group')}</Table.Th>
            <Table.Th ta="right" w="10%">
              {t('reports.objects.count')}
            </Table.Th>
            <Table.Th w="25%">
              <VisuallyHidden>{t('reports.objects.share')}</VisuallyHidden>
            </Table.Th>
            <Table.Th ta="right" w="15%">
              {t('reports.objects.area')}
            </Table.Th>
            <Table.Th ta="right" w="20%">
              {t('reports.objects.bookValue')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Table.Tr key={group.key}>
              <Table.Td>{labelOf(group.key)}</Table.Td>
              <Table.Td ta="right">{format.number(group.count)}</Table.Td>
              <Table.Td>
                <Bar value={group.count} max={max} />
              </Table.Td>
              <Table.Td ta="right">{format.number(group.areaSqm)}</Table.Td>
              <Table.Td ta="right">{format.money(group.bookValueTetri)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td>{t('reports.objects.total')}</Table.Td>
            <Table.Td ta="right">{format.number(total.count)}</Table.Td>
            <Table.Td />
            <Table.Td ta="right">{format.number(total.area)}</Table.Td>
            <Table.Td ta="right">{format.money(total.value)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </section>
  )
}
