import { Paper, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { HistoryEntry } from '../../../domain/history'
import { useFormat } from './useFormat'

interface HistoryTableProps {
  history: readonly HistoryEntry[]
  /** Fields never shown (links to parents, file hashes). */
  hidden: ReadonlySet<string>
  fieldLabel(field: string): string
  /** A stored value as a person reads it (a unit's name, an amount in lari, a date). */
  value(field: string, value: unknown): string
}

/** Who changed what and when, newest first: each saved change once, then a line per field it changed. */
export function HistoryTable({ history, hidden, fieldLabel, value }: HistoryTableProps) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  if (history.length === 0) {
    return (
      <Paper withBorder p="lg">
        <Text c="dimmed">{t('history.empty')}</Text>
      </Paper>
    )
  }
  const entityLabel = (entity: string) =>
    i18n.exists(`history.entity.${entity}`) ? t(`history.entity.${entity}`) : entity
  return (
    <Paper withBorder p={0}>
      <Table withRowBorders aria-label={t('history.tableLabel')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="12%">{t('history.when')}</Table.Th>
            <Table.Th w="12%">{t('history.who')}</Table.Th>
            <Table.Th w="14%">{t('history.what')}</Table.Th>
            <Table.Th w="18%">{t('history.field')}</Table.Th>
            <Table.Th w="22%">{t('history.from')}</Table.Th>
            <Table.Th w="22%">{t('history.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((entry) => {
            const changes = entry.changes.filter((c) => !hidden.has(c.field))
            const lines = changes.length > 0 ? changes : [null]
            const what = `${entityLabel(entry.entity)}: ${t(`history.op.${entry.op}`)}`
            return lines.map((change, i) => (
              <Table.Tr
                key={`${entry.id}/${change?.field ?? ''}`}
                style={i === lines.length - 1 ? undefined : { borderBottom: 'none' }}
              >
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
                <Table.Td>{change ? fieldLabel(change.field) : ''}</Table.Td>
                <Table.Td c="dimmed">
                  {change && entry.op === 'update' ? value(change.field, change.from) : ''}
                </Table.Td>
                <Table.Td>{change ? value(change.field, change.to) : ''}</Table.Td>
              </Table.Tr>
            ))
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
