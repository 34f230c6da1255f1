import { Badge, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SessionUser } from '../../../domain/auth/schemas'
import { LanguageSwitch } from './LanguageSwitch'
import { SyncStatus } from './SyncStatus'
import { useSignOut } from './session'

export function Header({ user }: { user: SessionUser }) {
  const { t } = useTranslation()
  const signOut = useSignOut()
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      {/* The name gives way (ellipsis) before the sync status and the user do. */}
      <Stack gap={0} miw={0}>
        <Text fw={700} size="md" c="rustavi.8" truncate="end">
          {t('app.name')}
        </Text>
        <Text size="xs" c="dimmed" truncate="end">
          {t('app.product')}
        </Text>
      </Stack>
      <Group gap="lg" wrap="nowrap">
        <SyncStatus />
        <LanguageSwitch />
        <Group gap="xs" wrap="nowrap" aria-label={t('app.user.label')} role="group">
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {user.fullName}
          </Text>
          <Badge variant="light" color="gray" size="md" style={{ flexShrink: 0, overflow: 'visible' }}>
            {t(`auth.role.${user.role}`)}
          </Badge>
        </Group>
        <Button
          variant="default"
          size="xs"
          style={{ flexShrink: 0 }}
          onClick={() => signOut.mutate()}
          loading={signOut.isPending}
        >
          {t('app.user.signOut')}
        </Button>
      </Group>
    </Group>
  )
}
