import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CallErrorAlert } from '../../ui/CallErrorAlert'
import { ScrollRegion } from '../../ui/ScrollRegion'
import { useFormat } from '../../ui/useFormat'
import { useBankQueue, useResolveBankLine } from './bankQueries'
import { PayerPicker } from './PayerPicker'

/** Rows of confirmed imports left unmatched or ambiguous; the clerk names each one's payer. */
export function BankQueueSection() {
  const { t } = useTranslation()
  const format = useFormat()
  const queue = useBankQueue()
  const resolve = useResolveBankLine()
  const [chosen, setChosen] = useState<Record<string, { id: string; name: string } | null>>({})
  const [assigned, setAssigned] = useState<string | null>(null)
  return (
    <Stack gap="sm" component="section" aria-labelledby="bank-queue-title">
      <Title order={2} size="h4" id="bank-queue-title">
        {t('sanitation.bankScreen.queue')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('sanitation.bankScreen.queueIntro')}
      </Text>
      {assigned ? (
        <Alert color="green" role="status">
          {t('sanitation.bankScreen.assigned', { name: assigned })}
        </Alert>
      ) : null}
      {resolve.isError ? <CallErrorAlert error={resolve.error} /> : null}
      {queue.isError ? <CallErrorAlert error={queue.error} onReload={() => void queue.refetch()} /> : null}
      {queue.data?.length === 0 ? <Text c="dimmed">{t('sanitation.bankScreen.queueEmpty')}</Text> : null}
      {queue.data && queue.data.length > 0 ? (
        <ScrollRegion label={t('sanitation.bankScreen.queue')} maxHeight={640}>
          <Table striped aria-label={t('sanitation.bankScreen.queue')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sanitation.bankScreen.fileName')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.bankScreen.row')}</Table.Th>
                <Table.Th>{t('sanitation.bankScreen.state')}</Table.Th>
                <Table.Th>{t('sanitation.bankScreen.code')}</Table.Th>
                <Table.Th>{t('sanitation.bankScreen.payer')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.bankScreen.amount')}</Table.Th>
                <Table.Th>{t('sanitation.bankScreen.date')}</Table.Th>
                <Table.Th>{t('sanitation.bankScreen.assignTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.map((line) => {
                const payer = chosen[line.id] ?? null
                return (
                  <Table.Tr key={line.id}>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{line.fileName}</Table.Td>
                    <Table.Td ta="right">{line.rowNumber}</Table.Td>
                    <Table.Td>
                      <Badge
                        color={line.status === 'ambiguous' ? 'yellow' : 'orange'}
                        variant="light"
                        miw="fit-content"
                      >
                        {t(`sanitation.bankScreen.status.${line.status}`)}
                      </Badge>
                      {line.problems.map((p) => (
                        <Text size="xs" c="dimmed" key={p}>
                          {t(`sanitation.bankProblem.${p}`)}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>{format.text(line.payerCodeText)}</Table.Td>
                    <Table.Td>{format.text(line.payerName)}</Table.Td>
                    <Table.Td ta="right">{format.money(line.amountTetri)}</Table.Td>
                    <Table.Td>{format.date(line.paidOn)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" align="flex-end" wrap="nowrap">
                        <PayerPicker
                          label={`${t('sanitation.bankScreen.assignTo')}: ${t('sanitation.bankScreen.row')} ${line.rowNumber}`}
                          value={payer?.id ?? null}
                          onChange={(p) => setChosen((c) => ({ ...c, [line.id]: p }))}
                        />
                        <Button
                          disabled={!payer}
                          loading={resolve.isPending && resolve.variables?.lineId === line.id}
                          onClick={() => {
                            if (!payer) return
                            setAssigned(null)
                            resolve.mutate(
                              { lineId: line.id, payerId: payer.id },
                              { onSuccess: () => setAssigned(payer.name) },
                            )
                          }}
                        >
                          {t('sanitation.bankScreen.assign')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      ) : null}
    </Stack>
  )
}
