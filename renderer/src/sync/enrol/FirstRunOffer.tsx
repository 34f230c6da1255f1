import { Alert, Box, Button, Center, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

interface Props {
  onEnrol(): void
  onDemo(): void
}

/**
 * Above the sign-in form while the PC is not enrolled: enrol it with IT's code, or go on with the
 * demo, which needs nothing more than signing in. The form below stays usable either way.
 */
export function FirstRunOffer({ onEnrol, onDemo }: Props) {
  const { t } = useTranslation()
  return (
    <Box bg="gray.1" pt="md" px="md">
      <Center>
        <Paper component="section" w={560} withBorder radius="md" aria-label={t('sync.enrol.offerTitle')}>
          <Alert color="rustavi" variant="light" title={t('sync.enrol.offerTitle')} radius="md">
            <Stack gap="sm">
              <Text size="sm">{t('sync.enrol.offerText')}</Text>
              <Group>
                <Button size="xs" onClick={onEnrol}>
                  {t('sync.enrol.enrolThisPc')}
                </Button>
                <Button size="xs" variant="default" onClick={onDemo}>
                  {t('sync.enrol.continueDemo')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        </Paper>
      </Center>
    </Box>
  )
}
