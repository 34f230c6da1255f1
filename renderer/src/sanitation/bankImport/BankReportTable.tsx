import { Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BankImportReportView } from '../../../../domain/sanitation/views'
import type { BankLineStatus } from '../../../../domain/sanitation/vocabulary'
import { Figure } from '../../ui/Figure'
import { ScrollRegion } from '../../ui/ScrollRegion'
import { useFormat } from '../../ui/useFormat'

const statusColour: Record<BankLineStatus, string> = {
  matched: 'green',
  unmatched: 'orange',
  ambiguous: 'yellow',
  duplicate: 'gray',
  invalid: 'red',
}

/** The dry run (or the import) row by row: what each row became and why. */
export function BankReportTable({ report }: { report: BankImportReportView }) {
  const { t } = useTranslation()
  const format = useFormat()
  const statuses = Object.keys(statusColour) as BankLineStatus[]
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 3, md: 7 }}>
        {statuses.map((s) => (
          <Figure
            key={s}
            label={t(`sanitation.bankScreen.status.${s}`)}
            value={format.number(report.counts[s] ?? 0)}
            alert={s === 'invalid' && (report.counts[s] ?? 0) > 0}
          />
        ))}
        <Figure label={t('sanitation.bankScreen.matchedTotal')} value={format.money(report.matchedTetri)} />
        <Figure label={t('sanitation.bankScreen.fileTotal')} value={format.money(report.totalTetri)} />
      </SimpleGrid>
      <ScrollRegion label={t('sanitation.bankScreen.linesLabel')} maxHeight={480}>
        <Table striped stickyHeader aria-label={t('sanitation.bankScreen.linesLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right">{t('sanitation.bankScreen.row')}</Table.Th>
              <Table.Th>{t('sanitation.bankScreen.state')}</Table.Th>
              <Table.Th>{t('sanitation.bankScreen.problems')}</Table.Th>
              <Table.Th>{t('sanitation.bankScreen.code')}</Table.Th>
              <Table.Th>{t('sanitation.bankScreen.payer')}</Table.Th>
              <Table.Th ta="right">{t('sanitation.bankScreen.amount')}</Table.Th>
              <Table.Th>{t('sanitation.bankScreen.date')}</Table.Th>
              <Table.Th>{t('sanitation.bankScreen.reference')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.lines.map((line) => (
              <Table.Tr key={line.rowNumber}>
                <Table.Td ta="right">{line.rowNumber}</Table.Td>
                <Table.Td>
                  <Badge color={statusColour[line.status]} variant="light" miw="fit-content">
                    {t(`sanitation.bankScreen.status.${line.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={2}>
                    {line.problems.map((p) => (
                      <Text size="xs" key={p}>
                        {t(`sanitation.bankProblem.${p}`)}
                      </Text>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{format.text(line.payerCodeText)}</Table.Td>
                <Table.Td>{format.text(line.payerName)}</Table.Td>
                <Table.Td ta="right">{format.money(line.amountTetri)}</Table.Td>
                <Table.Td>{format.date(line.paidOn)}</Table.Td>
                <Table.Td>{format.text(line.reference)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  )
}
