import { Badge, Button, Modal, Paper, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EnrolmentCode } from '../../../../domain/sync/contract'
import { useNow } from '../../sync/useNow'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { ScrollRegion } from '../../ui/ScrollRegion'
import { useFormat } from '../../ui/useFormat'
import { AdminScreenFrame } from '../AdminScreenFrame'
import { useCreateEnrolmentCode } from '../adminMutations'
import { useEnrolmentCodes } from '../adminQueries'
import { codeStatus } from './codeStatus'
import { DictatedCode } from './DictatedCode'

const statusColour = { used: 'gray', expired: 'orange', unused: 'green' } as const

/** One-time codes that enrol a PC: the list, and a new one shown large enough to read out. */
export default function EnrolmentCodesScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const now = useNow()
  const codes = useEnrolmentCodes()
  const create = useCreateEnrolmentCode()
  const [created, setCreated] = useState<EnrolmentCode | null>(null)
  return (
    <>
      <AdminScreenFrame
        title={t('admin.codes.title')}
        intro={t('admin.codes.intro')}
        query={codes}
        notice={create.isError ? <ErrorAlert error={create.error} /> : null}
        action={
          <Button
            loading={create.isPending}
            onClick={() => create.mutate(undefined, { onSuccess: setCreated })}
          >
            {t('admin.codes.create')}
          </Button>
        }
      >
        {codes.data && codes.data.length === 0 ? (
          <Paper withBorder p="lg">
            <Text c="dimmed">{t('admin.codes.empty')}</Text>
          </Paper>
        ) : (
          <ScrollRegion label={t('admin.codes.tableLabel')} maxHeight={640}>
            <Table aria-label={t('admin.codes.tableLabel')} stickyHeader verticalSpacing="xs" bg="white">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.codes.code')}</Table.Th>
                  <Table.Th>{t('admin.codes.createdBy')}</Table.Th>
                  <Table.Th>{t('admin.codes.createdAt')}</Table.Th>
                  <Table.Th>{t('admin.codes.expiresAt')}</Table.Th>
                  <Table.Th>{t('admin.codes.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(codes.data ?? []).map((code) => {
                  const status = codeStatus(code, now)
                  return (
                    <Table.Tr key={code.code}>
                      <Table.Td fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {code.code}
                      </Table.Td>
                      <Table.Td>{code.createdBy}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(code.createdAt)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(code.expiresAt)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={statusColour[status]}>
                          {t(`admin.codes.${status}`)}
                        </Badge>
                        {code.usedByDevice ? (
                          <Text span size="sm" ml="xs">
                            {code.usedByDevice}
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </AdminScreenFrame>
      <Modal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title={t('admin.codes.newTitle')}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        {created ? (
          <Stack gap="lg" py="md">
            <DictatedCode code={created.code} size={44} />
            <Text size="sm" ta="center">
              {t('admin.codes.newIntro', { until: format.dateTime(created.expiresAt) })}
            </Text>
            <Button onClick={() => setCreated(null)} data-autofocus>
              {t('app.close')}
            </Button>
          </Stack>
        ) : null}
      </Modal>
    </>
  )
}
