import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ConnectionState, SyncOverview } from '../../../domain/sync/contract'
import { relativeTime } from '../sync/relativeTime'
import { useSyncNow } from '../sync/syncMutations'
import { useSyncOverview } from '../sync/syncQueries'
import { useNow } from '../sync/useNow'
import { useReloadOnRemoteChanges } from '../sync/useReloadOnRemoteChanges'
import { Icon } from '../ui/Icon'
import { useFormat } from '../ui/useFormat'
import { useRouter } from './router'

const dotColour: Record<ConnectionState, string> = {
  online: 'var(--mantine-color-green-7)',
  offline: 'var(--mantine-color-orange-6)',
  notEnrolled: 'var(--mantine-color-gray-6)',
  updateRequired: 'var(--mantine-color-red-7)',
}

/** The header's view of sync: connection, last sync, what waits to be sent or decided, and "sync now". */
export function SyncStatus() {
  const { t } = useTranslation()
  const overview = useSyncOverview()
  useReloadOnRemoteChanges(overview.data?.receivedSeq)
  return (
    <Group gap="sm" wrap="nowrap" role="group" aria-label={t('app.sync.label')}>
      {overview.data ? (
        <OverviewLine overview={overview.data} />
      ) : (
        <Text size="xs" c="dimmed">
          {overview.isError ? t('app.sync.unknown') : t('sync.status.checking')}
        </Text>
      )}
    </Group>
  )
}

function OverviewLine({ overview }: { overview: SyncOverview }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const now = useNow()
  const { navigate } = useRouter()
  const syncNow = useSyncNow()
  const lastSync = overview.lastSyncAt
    ? t('sync.status.lastSync', { when: relativeTime(overview.lastSyncAt, now, t) })
    : t('sync.status.never')
  const pending =
    overview.pendingChanges === 0
      ? t('sync.status.nothingPending')
      : t('sync.status.pending', { n: format.number(overview.pendingChanges) })
  const lastError = overview.lastError
    ? i18n.exists(overview.lastError)
      ? t(overview.lastError)
      : t('sync.error.unknown')
    : null
  return (
    <>
      <Group gap={8} wrap="nowrap">
        <span
          aria-hidden="true"
          style={{
            width: 10,
            height: 10,
            borderRadius: 5,
            background: dotColour[overview.connection],
            flex: 'none',
          }}
        />
        <Stack gap={0} maw={300}>
          <Text size="xs" fw={600} lh={1.3}>
            {t(`sync.status.${overview.connection}`)}
          </Text>
          <Text size="xs" c="dimmed" lh={1.3}>
            {overview.connection === 'notEnrolled' ? pending : `${lastSync} · ${pending}`}
          </Text>
          {lastError ? (
            <Text size="xs" c="orange.9" lh={1.3} maw={320} truncate="end" title={lastError}>
              {lastError}
            </Text>
          ) : null}
        </Stack>
      </Group>
      {overview.needsAttention > 0 ? (
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          onClick={() => navigate({ name: 'needsAttention' })}
        >
          {t('sync.status.needsAttention', { n: format.number(overview.needsAttention) })}
        </Button>
      ) : null}
      {overview.openConflicts > 0 ? (
        <Button
          size="compact-sm"
          variant="light"
          color="orange"
          onClick={() => navigate({ name: 'conflicts' })}
        >
          {t('sync.status.conflicts', { n: format.number(overview.openConflicts) })}
        </Button>
      ) : null}
      {overview.connection === 'notEnrolled' ? null : (
        <ActionIcon
          variant="default"
          size="md"
          loading={syncNow.isPending}
          onClick={() => syncNow.mutate(undefined)}
          aria-label={t('sync.status.syncNow')}
          title={t('sync.status.syncNow')}
        >
          <Icon name="sync" size={16} />
        </ActionIcon>
      )}
    </>
  )
}
