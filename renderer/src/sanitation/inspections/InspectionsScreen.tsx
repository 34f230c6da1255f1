import { Button, Center, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { inDepartment, isAllowed } from '../../../../domain/auth/access'
import type { InspectionLine } from '../../../../domain/sanitation/editSchemas'
import { formatPaymentCode } from '../../../../domain/sanitation/paymentCode'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'
import { useSession } from '../../app/session'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { type Format, useFormat } from '../../ui/useFormat'
import { type ApprovalFilter, useInspections, useSanitationWrite } from '../forms/editQueries'

/**
 * Inspectors' visits waiting for a supervisor: what was found, what the registry holds, and what
 * approving would change. A head approves or rejects; what was observed is never edited.
 */
export default function InspectionsScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const session = useSession()
  const [approval, setApproval] = useState<ApprovalFilter>('pending')
  const inspections = useInspections(approval)
  const decide = useSanitationWrite((input: { inspectionId: string; approve: boolean }) =>
    unwrap(api.sanitation.decideInspection(input)),
  )
  const principal = session.data
    ? { ...session.data, userId: session.data.id, userName: session.data.fullName }
    : null
  const mayDecide = isAllowed(inDepartment('sanitation', 'approve'), principal)

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('sanitation.inspections.title')}
      </Title>
      <SegmentedControl
        aria-label={t('sanitation.inspections.filter')}
        w="fit-content"
        value={approval}
        onChange={(value) => setApproval(value as ApprovalFilter)}
        data={(['pending', 'approved', 'rejected'] as const).map((a) => ({
          value: a,
          label: t(`sanitation.inspections.state.${a}`),
        }))}
      />
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
      {inspections.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : inspections.isError ? (
        <ErrorAlert error={inspections.error} onReload={() => void inspections.refetch()} />
      ) : inspections.data.length === 0 ? (
        <Text c="dimmed">{t('sanitation.inspections.empty')}</Text>
      ) : (
        <Table withTableBorder striped aria-label={t('sanitation.inspections.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sanitation.inspections.visitedOn')}</Table.Th>
              <Table.Th>{t('sanitation.inspections.payer')}</Table.Th>
              <Table.Th>{t('sanitation.inspections.inspector')}</Table.Th>
              <Table.Th>{t('sanitation.inspections.observed')}</Table.Th>
              <Table.Th>{t('sanitation.inspections.change')}</Table.Th>
              <Table.Th>{approval === 'pending' ? '' : t('sanitation.inspections.decided')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inspections.data.map((line) => (
              <Table.Tr key={line.id}>
                <Table.Td>{format.date(line.visitedOn)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{line.payerName}</Text>
                  <Text size="xs" c="dimmed">
                    {formatPaymentCode(line.paymentCode)}
                  </Text>
                </Table.Td>
                <Table.Td>{line.inspector}</Table.Td>
                <Table.Td>{observed(line, format, t)}</Table.Td>
                <Table.Td>
                  {line.change
                    ? t(`sanitation.inspections.changes.${line.change.field}`, {
                        from: format.number(line.change.from),
                        to: format.number(line.change.to),
                      })
                    : t('sanitation.inspections.noChange')}
                </Table.Td>
                <Table.Td>
                  {line.approval === 'pending' ? (
                    mayDecide ? (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          loading={decide.isPending && decide.variables?.inspectionId === line.id}
                          aria-label={`${t('sanitation.inspections.approve')}: ${line.payerName}`}
                          onClick={() => decide.mutate({ inspectionId: line.id, approve: true })}
                        >
                          {t('sanitation.inspections.approve')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`${t('sanitation.inspections.reject')}: ${line.payerName}`}
                          onClick={() => decide.mutate({ inspectionId: line.id, approve: false })}
                        >
                          {t('sanitation.inspections.reject')}
                        </Button>
                      </Group>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('sanitation.inspections.waitsForHead')}
                      </Text>
                    )
                  ) : (
                    <Text size="xs">
                      {line.decidedBy} · {format.dateTime(line.decidedAt)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}

function observed(line: InspectionLine, format: Format, t: TFunction): string {
  return line.observedMembers !== null
    ? t('sanitation.inspections.members', { n: line.observedMembers })
    : format.number(line.observedQuantity)
}
