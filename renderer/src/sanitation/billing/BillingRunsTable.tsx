import { Button, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BillingRunState } from '../../../../domain/sanitation/vocabulary'
import { useUnitNames } from '../../reference/territorialUnits'
import { CallErrorAlert } from '../../ui/CallErrorAlert'
import { ScrollRegion } from '../../ui/ScrollRegion'
import { useFormat } from '../../ui/useFormat'
import { periodLabel } from '../periodLabel'
import { useBillingRuns } from './billingQueries'

const stateColour: Record<BillingRunState, string> = {
  running: 'blue',
  completed: 'green',
  cancelled: 'orange',
  reversed: 'gray',
}

interface Props {
  /** Whether the user may reverse a run (a head). */
  canReverse: boolean
  onReverse(run: { id: string; period: string }): void
}

/** Every billing run, newest first, with its state; completed and stopped runs can be reversed. */
export function BillingRunsTable({ canReverse, onReverse }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const unitName = useUnitNames(format.language)
  const runs = useBillingRuns()
  if (runs.isError) return <CallErrorAlert error={runs.error} onReload={() => void runs.refetch()} />
  if (!runs.data) return null
  if (runs.data.length === 0) return <Text c="dimmed">{t('sanitation.billing.runsEmpty')}</Text>
  const rows = [...runs.data].sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))
  return (
    <ScrollRegion label={t('sanitation.billing.runs')}>
      <Table striped stickyHeader aria-label={t('sanitation.billing.runs')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sanitation.billing.column.period')}</Table.Th>
            <Table.Th miw={200}>{t('sanitation.billing.column.unit')}</Table.Th>
            <Table.Th>{t('sanitation.billing.column.state')}</Table.Th>
            <Table.Th ta="right">{t('sanitation.billing.column.payers')}</Table.Th>
            <Table.Th ta="right">{t('sanitation.billing.column.lines')}</Table.Th>
            <Table.Th ta="right">{t('sanitation.billing.column.total')}</Table.Th>
            <Table.Th>{t('sanitation.billing.column.startedBy')}</Table.Th>
            <Table.Th>{t('sanitation.billing.column.startedAt')}</Table.Th>
            <Table.Th>{t('sanitation.billing.column.finishedAt')}</Table.Th>
            {canReverse ? <Table.Th>{t('sanitation.billing.column.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((run) => (
            <Table.Tr key={run.id}>
              <Table.Td>{periodLabel(run.period, format.language)}</Table.Td>
              <Table.Td>
                {run.territorialUnitId ? unitName(run.territorialUnitId) : t('sanitation.billing.allUnits')}
              </Table.Td>
              <Table.Td>
                <Text
                  size="sm"
                  fw={600}
                  c={`${stateColour[run.state]}.8`}
                  title={run.reversalReason || undefined}
                >
                  {t(`sanitation.billing.state.${run.state}`)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{format.number(run.payerCount)}</Table.Td>
              <Table.Td ta="right">{format.number(run.lineCount)}</Table.Td>
              <Table.Td ta="right">{format.money(run.totalTetri)}</Table.Td>
              <Table.Td>{run.startedBy}</Table.Td>
              <Table.Td>{format.dateTime(run.startedAt)}</Table.Td>
              <Table.Td>{format.dateTime(run.finishedAt)}</Table.Td>
              {canReverse ? (
                <Table.Td>
                  {run.state === 'completed' || run.state === 'cancelled' ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => onReverse(run)}
                      aria-label={t('sanitation.billing.reverseLabel', {
                        period: periodLabel(run.period, format.language),
                      })}
                    >
                      {t('sanitation.billing.reverse')}
                    </Button>
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  )
}
