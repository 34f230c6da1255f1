import { Group, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../api/api'
import { useFormat } from '../ui/useFormat'
import { unwrap } from './apiFailure'

/**
 * Sync is not built yet: the PC never reaches the central server, so the status says so and shows
 * how many saved changes wait in the outbox.
 */
export function SyncStatus() {
  const { t } = useTranslation()
  const format = useFormat()
  const status = useQuery({
    queryKey: ['system', 'syncStatus'],
    queryFn: () => unwrap(api.system.syncStatus({})),
    refetchInterval: 5_000,
    staleTime: 0,
  })
  const pending = status.data?.pendingChanges
  const detail =
    pending === undefined
      ? t('app.sync.unknown')
      : pending === 0
        ? t('app.sync.nothingPending')
        : t('app.sync.pending', { n: format.number(pending) })
  return (
    <Group gap={8} wrap="nowrap" role="status" aria-label={t('app.sync.label')}>
      <span
        aria-hidden="true"
        style={{
          width: 10,
          height: 10,
          borderRadius: 5,
          background: 'var(--mantine-color-orange-6)',
          flex: 'none',
        }}
      />
      <Stack gap={0}>
        <Text size="xs" fw={600} lh={1.3}>
          {t('app.sync.offline')}
        </Text>
        <Text size="xs" c="dimmed" lh={1.3}>
          {detail}
        </Text>
      </Stack>
    </Group>
  )
}
