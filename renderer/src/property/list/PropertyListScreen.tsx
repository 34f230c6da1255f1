import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useRouter } from '../../app/router'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FlashMessage } from '../../ui/FlashMessage'
import { useFormat } from '../../ui/useFormat'
import { type ListFilters, listPageQuery } from '../propertyQueries'
import { nextSort, setListFilters, useListFilters } from './listFilters'
import { PropertyFilters } from './PropertyFilters'
import { PropertyTable } from './PropertyTable'

/** The property registry: search, filter, sort and open any of its objects. */
export function PropertyListScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const { navigate } = useRouter()
  const state = useListFilters()
  const [search] = useDebouncedValue(state.search.trim(), 150)
  const filters: ListFilters = {
    search,
    type: state.type,
    state: state.state,
    territorialUnitId: state.territorialUnitId,
    sort: state.sort,
    direction: state.direction,
  }
  // The same query as the table's first page: it is asked for once and gives the total.
  const firstPage = useQuery(listPageQuery(filters, 0))

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t('property.list.title')}
          </Title>
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {firstPage.data
              ? t('property.list.total', { n: format.number(firstPage.data.total) })
              : t('app.loading')}
          </Text>
        </Stack>
        <Button onClick={() => navigate({ name: 'propertyCreate' })}>{t('property.list.add')}</Button>
      </Group>
      <FlashMessage />
      <PropertyFilters filters={state} />
      {firstPage.isError ? (
        <ErrorAlert error={firstPage.error} onReload={() => void firstPage.refetch()} />
      ) : null}
      <PropertyTable
        filters={filters}
        onSort={(field) => setListFilters(nextSort(state, field))}
        onOpen={(row) => navigate({ name: 'propertyDetail', id: row.id })}
      />
    </Stack>
  )
}
