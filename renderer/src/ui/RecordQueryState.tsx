import { Center, Loader, Stack } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from './ErrorAlert'

interface Query {
  isError: boolean
  error: unknown
  refetch(): unknown
}

/** A record's card before its record is there: a loader, or the failure with the way back and a reload. */
export function RecordQueryState({ query, back }: { query: Query; back: ReactNode }) {
  const { t } = useTranslation()
  if (!query.isError) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  return (
    <Stack>
      {back}
      <ErrorAlert error={query.error} onReload={() => void query.refetch()} />
    </Stack>
  )
}
