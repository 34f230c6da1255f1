import { Badge, Button, Paper, Table, Text, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AdminDevice } from '../../../../domain/sync/contract'
import { useRouter } from '../../app/router'
import { relativeTime } from '../../sync/relativeTime'
import { useNow } from '../../sync/useNow'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { ScrollRegion } from '../../ui/ScrollRegion'
import { useFormat } from '../../ui/useFormat'
import { AdminScreenFrame } from '../AdminScreenFrame'
import { useRevokeDevice } from '../adminMutations'
import { useAdminDevices } from '../adminQueries'
import { ClockOffset } from './ClockOffset'

/** Every enrolled PC: its version, how right its clock is, what it has not sent; revoke a lost one. */
export default function AdminDevicesScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const now = useNow()
  const { replace } = useRouter()
  const devices = useAdminDevices()
  const revoke = useRevokeDevice()
  const [revoking, setRevoking] = useState<AdminDevice | null>(null)
  const close = () => {
    revoke.reset()
    setRevoking(null)
  }
  return (
    <AdminScreenFrame title={t('admin.devices.title')} intro={t('admin.devices.intro')} query={devices}>
      {devices.data && devices.data.length === 0 ? (
        <Paper withBorder p="lg">
          <Text c="dimmed">{t('admin.devices.empty')}</Text>
        </Paper>
      ) : (
        <ScrollRegion label={t('admin.devices.tableLabel')} maxHeight={640}>
          <Table aria-label={t('admin.devices.tableLabel')} stickyHeader verticalSpacing="xs" bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.devices.name')}</Table.Th>
                <Table.Th>{t('admin.devices.enrolledAt')}</Table.Th>
                <Table.Th>{t('admin.devices.lastSeen')}</Table.Th>
                <Table.Th>{t('admin.devices.appVersion')}</Table.Th>
                <Table.Th>{t('admin.devices.clockOffset')}</Table.Th>
                <Table.Th ta="right">{t('admin.devices.pendingChanges')}</Table.Th>
                <Table.Th>{t('admin.devices.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('admin.users.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(devices.data ?? []).map((device) => (
                <Table.Tr key={device.id}>
                  <Table.Td fw={600}>{device.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(device.enrolledAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} title={format.dateTime(device.lastSeenAt)}>
                    {device.lastSeenAt ? relativeTime(device.lastSeenAt, now, t) : t('admin.devices.never')}
                  </Table.Td>
                  <Table.Td>{format.text(device.appVersion)}</Table.Td>
                  <Table.Td>
                    <ClockOffset offsetMs={device.clockOffsetMs} />
                  </Table.Td>
                  <Table.Td ta="right">{format.number(device.pendingChanges)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={device.revoked ? 'gray' : 'green'}>
                      {device.revoked ? t('admin.devices.revoked') : t('admin.devices.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {device.revoked ? null : (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        color="red"
                        aria-label={`${t('admin.devices.revoke')}: ${device.name}`}
                        onClick={() => setRevoking(device)}
                      >
                        {t('admin.devices.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title={t('admin.devices.revokeTitle')}
        message={t('admin.devices.revokeQuestion', {
          name: revoking?.name ?? '',
          n: format.number(revoking?.pendingChanges ?? 0),
        })}
        confirmLabel={t('admin.devices.revoke')}
        busy={revoke.isPending}
        onCancel={close}
        onConfirm={() =>
          revoking &&
          revoke.mutate(
            { id: revoking.id },
            {
              onSuccess: () => {
                setRevoking(null)
                replace({ name: 'adminDevices' }, 'admin.devices.revokedNotice')
              },
            },
          )
        }
      >
        {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      </ConfirmDialog>
    </AdminScreenFrame>
  )
}
