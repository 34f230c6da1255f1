import { Alert, Center, Group, Loader, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { hasCode } from '../app/apiFailure'
import { ErrorAlert } from '../ui/ErrorAlert'
import { FlashMessage } from '../ui/FlashMessage'

interface Props {
  title: string
  intro?: string
  /** The screen's main action ("new user"), beside the title. */
  action?: ReactNode
  /** Shown whatever state the list is in (the failure of the main action, say). */
  notice?: ReactNode
  query: { isPending: boolean; isError: boolean; error: unknown; refetch(): unknown }
  children: ReactNode
}

/** Title, confirmation, and the loading or failure state every administration screen shares. */
export function AdminScreenFrame({ title, intro, action, notice, query, children }: Props) {
  const { t } = useTranslation()
  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {title}
          </Title>
          {intro ? (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          ) : null}
        </Stack>
        {action}
      </Group>
      <FlashMessage />
      {notice}
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : hasCode(query.error, 'FORBIDDEN') ? (
        <Alert color="orange" role="alert" title={t('errors.FORBIDDEN')}>
          <Text size="sm">{t('admin.forbidden')}</Text>
        </Alert>
      ) : query.isError ? (
        <ErrorAlert error={query.error} onReload={() => void query.refetch()} />
      ) : (
        children
      )}
    </Stack>
  )
}
