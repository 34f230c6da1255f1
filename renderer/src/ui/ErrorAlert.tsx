import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { apiErrorOf } from '../app/apiFailure'
import { errorKey, errorParams } from './errorKey'

interface Props {
  /** Whatever a query or mutation threw. */
  error: unknown
  /** Offered as a button when the record changed meanwhile (STALE_VERSION) or could not load. */
  onReload?: () => void
  /** Field messages the form could not place next to a field, as i18n keys. */
  extraMessages?: string[]
}

/** A failed call, in words: the translated code, plus a reload button where reloading helps. */
export function ErrorAlert({ error, onReload, extraMessages = [] }: Props) {
  const { t, i18n } = useTranslation()
  const apiError = apiErrorOf(error)
  const kindName = (entity: string) =>
    i18n.exists(`history.entity.${entity}`) ? t(`history.entity.${entity}`) : entity
  const stale = apiError.code === 'STALE_VERSION'
  return (
    <Alert
      color={stale ? 'orange' : 'red'}
      role="alert"
      title={stale ? t('property.detail.staleTitle') : undefined}
    >
      <Stack gap="xs">
        <Text size="sm">{t(errorKey(apiError), errorParams(apiError, kindName))}</Text>
        {extraMessages.map((key) => (
          <Text size="sm" key={key}>
            {t(key)}
          </Text>
        ))}
        {onReload && (stale || apiError.code === 'INTERNAL' || apiError.code === 'NOT_FOUND') ? (
          <Group>
            <Button size="xs" variant="light" color={stale ? 'orange' : 'red'} onClick={onReload}>
              {stale ? t('app.reload') : t('app.retry')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  )
}
