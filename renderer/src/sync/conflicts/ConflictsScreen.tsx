import { Center, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../../domain/auth/roles'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FlashMessage } from '../../ui/FlashMessage'
import { type ConflictStatus, useConflicts } from '../syncQueries'
import { useRecordWording } from '../useRecordWording'
import { ConflictCard } from './ConflictCard'

/** "კონფლიქტები": edits that met on the server, both values kept until a head decides. */
export default function ConflictsScreen({ role }: { role: Role }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<ConflictStatus>('open')
  const conflicts = useConflicts(status)
  const wording = useRecordWording()
  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('sync.conflicts.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sync.conflicts.intro')}
        </Text>
      </Stack>
      <FlashMessage />
      <Group>
        <SegmentedControl
          aria-label={t('sync.conflicts.filter')}
          value={status}
          onChange={(value) => setStatus(value === 'resolved' ? 'resolved' : 'open')}
          data={[
            { value: 'open', label: t('sync.conflicts.open') },
            { value: 'resolved', label: t('sync.conflicts.resolved') },
          ]}
        />
      </Group>
      {conflicts.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : conflicts.isError ? (
        <ErrorAlert error={conflicts.error} onReload={() => void conflicts.refetch()} />
      ) : conflicts.data.length === 0 ? (
        <Paper withBorder p="lg">
          <Text c="dimmed">
            {status === 'open' ? t('sync.conflicts.emptyOpen') : t('sync.conflicts.emptyResolved')}
          </Text>
        </Paper>
      ) : (
        <Stack gap="md" component="section" aria-label={t('sync.conflicts.listLabel')}>
          {conflicts.data.map((conflict) => (
            <ConflictCard
              key={conflict.id}
              conflict={conflict}
              wording={wording}
              canResolve={role === 'head'}
            />
          ))}
        </Stack>
      )}
    </Stack>
  )
}
