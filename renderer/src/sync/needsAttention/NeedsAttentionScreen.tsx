import { Center, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FlashMessage } from '../../ui/FlashMessage'
import { useRejectedChanges } from '../syncQueries'
import { useRecordWording } from '../useRecordWording'
import { RejectedChangeCard } from './RejectedChangeCard'

/** "საჭიროებს ყურადღებას": the changes the central server refused, each waiting for a clerk's decision. */
export default function NeedsAttentionScreen() {
  const { t } = useTranslation()
  const rejected = useRejectedChanges()
  const wording = useRecordWording()
  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('sync.rejected.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sync.rejected.intro')}
        </Text>
      </Stack>
      <FlashMessage />
      {rejected.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : rejected.isError ? (
        <ErrorAlert error={rejected.error} onReload={() => void rejected.refetch()} />
      ) : rejected.data.length === 0 ? (
        <Paper withBorder p="lg">
          <Text c="dimmed">{t('sync.rejected.empty')}</Text>
        </Paper>
      ) : (
        <Stack gap="md" component="section" aria-label={t('sync.rejected.listLabel')}>
          {rejected.data.map((change) => (
            <RejectedChangeCard key={change.id} change={change} wording={wording} />
          ))}
        </Stack>
      )}
    </Stack>
  )
}
