import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './LanguageSwitch'

/** The plain page around sign-in and the password change. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Box mih="100vh" bg="gray.1">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center pt={40} pb="xl">
        <Paper component="main" withBorder shadow="sm" p="xl" w={420} radius="md">
          <Stack gap="lg">
            <Stack gap={2}>
              <Text size="sm" fw={700} c="rustavi.8">
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('app.product')}
              </Text>
            </Stack>
            <Title order={1} size="h3">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  )
}
