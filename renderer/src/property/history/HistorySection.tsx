import { Center, Loader, Paper, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { HistoryEntry } from '../../../../domain/history'
import { useUnitNames } from '../../reference/territorialUnits'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useFormat } from '../../ui/useFormat'
import { usePropertyHistory } from '../propertyQueries'
import { formatHistoryValue, type HistoryValueContext, hiddenHistoryFields } from './historyValue'

/** Who changed what and when, newest first: the object's own changes and its leases', codes' and documents'. */
export function HistorySection({ objectId }: { objectId: string }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const unitName = useUnitNames(format.language)
  const history = usePropertyHistory(objectId)

  if (history.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (history.isError) return <ErrorAlert error={history.error} onReload={() => void history.refetch()} />
  if (history.data.length === 0) {
    return (
      <Paper withBorder p="lg">
        <Text c="dimmed">{t('history.empty')}</Text>
      </Paper>
    )
  }

  const ctx: HistoryValueContext = {
    language: format.language,
    translate: (key, params) => t(key, params),
    unitName,
  }
  const fieldLabel = (field: string) =>
    i18n.exists(`property.field.${field}`) ? t(`property.field.${field}`) : field
  const entityLabel = (entity: string) =>
    i18n.exists(`history.entity.${entity}`) ? t(`history.entity.${entity}`) : entity

  return (
    <Paper withBorder p={0}>
      <Table withRowBorders aria-label={t('history.tableLabel')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="11%">{t('history.when')}</Table.Th>
            <Table.Th w="12%">{t('history.who')}</Table.Th>
            <Table.Th w="13%">{t('history.what')}</Table.Th>
            <Table.Th w="18%">{t('history.field')}</Table.Th>
            <Table.Th w="23%">{t('history.from')}</Table.Th>
            <Table.Th w="23%">{t('history.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data.map((entry) => (
            <EntryRows
              key={entry.id}
              entry={entry}
              when={format.dateTime(entry.at)}
              what={`${entityLabel(entry.entity)}: ${t(`history.op.${entry.op}`)}`}
              fieldLabel={fieldLabel}
              value={(field, value) => formatHistoryValue(field, value, ctx)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

interface EntryProps {
  entry: HistoryEntry
  when: string
  what: string
  fieldLabel(field: string): string
  value(field: string, value: unknown): string
}

/** One saved change: its time, user and record once, then a line per field. */
function EntryRows({ entry, when, what, fieldLabel, value }: EntryProps) {
  const changes = entry.changes.filter((c) => !hiddenHistoryFields.has(c.field))
  const lines = changes.length > 0 ? changes : [null]
  return (
    <>
      {lines.map((change, i) => (
        <Table.Tr
          key={change?.field ?? 'none'}
          style={i === lines.length - 1 ? undefined : { borderBottom: 'none' }}
        >
          {i === 0 ? (
            <>
              <Table.Td rowSpan={lines.length} style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                {when}
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
      ))}
    </>
  )
}
