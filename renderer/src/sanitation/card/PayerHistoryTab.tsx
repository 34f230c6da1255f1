import { Paper, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { HistoryEntry } from '../../../../domain/history'
import { useUnitNames } from '../../reference/territorialUnits'
import { useFormat } from '../../ui/useFormat'
import { hiddenHistoryFields, sanitationHistoryValue } from './historyValue'

/** Who changed what and when, newest first: the payer's record and its lines, payments and plans. */
export function PayerHistoryTab({ history }: { history: readonly HistoryEntry[] }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const unitName = useUnitNames(format.language)
  if (history.length === 0) {
    return (
      <Paper withBorder p="lg">
        <Text c="dimmed">{t('history.empty')}</Text>
      </Paper>
    )
  }
  const ctx = { language: format.language, translate: (key: string) => t(key), unitName }
  const label = (key: string, fallback: string) => (i18n.exists(key) ? t(key) : fallback)
  return (
    <Paper withBorder p={0}>
      <Table withRowBorders aria-label={t('history.tableLabel')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="13%">{t('history.when')}</Table.Th>
            <Table.Th w="13%">{t('history.who')}</Table.Th>
            <Table.Th w="14%">{t('history.what')}</Table.Th>
            <Table.Th w="18%">{t('history.field')}</Table.Th>
            <Table.Th w="21%">{t('history.from')}</Table.Th>
            <Table.Th w="21%">{t('history.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((entry) => {
            const changes = entry.changes.filter((c) => !hiddenHistoryFields.has(c.field))
            const lines = changes.length > 0 ? changes : [null]
            const what = `${label(`history.entity.${entry.entity}`, entry.entity)}: ${t(`history.op.${entry.op}`)}`
            return lines.map((change, i) => (
              <Table.Tr key={`${entry.id}/${change?.field ?? ''}`}>
                {i === 0 ? (
                  <>
                    <Table.Td rowSpan={lines.length} style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                      {format.dateTime(entry.at)}
                    </Table.Td>
                    <Table.Td rowSpan={lines.length} style={{ verticalAlign: 'top' }}>
                      {entry.userName}
                    </Table.Td>
                    <Table.Td rowSpan={lines.length} style={{ verticalAlign: 'top' }}>
                      {what}
                    </Table.Td>
                  </>
                ) : null}
                <Table.Td>{change ? label(`sanitation.field.${change.field}`, change.field) : ''}</Table.Td>
                <Table.Td c="dimmed">
                  {change && entry.op === 'update'
                    ? sanitationHistoryValue(change.field, change.from, ctx)
                    : ''}
                </Table.Td>
                <Table.Td>{change ? sanitationHistoryValue(change.field, change.to, ctx) : ''}</Table.Td>
              </Table.Tr>
            ))
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
