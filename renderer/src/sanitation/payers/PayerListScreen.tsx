import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { roleAllows } from '../../../../domain/auth/roles'
import { useRouter } from '../../app/router'
import { useSession } from '../../app/session'
import { useUnitNames } from '../../reference/territorialUnits'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FlashMessage } from '../../ui/FlashMessage'
import { usePageRows } from '../../ui/table/usePageRows'
import { VirtualTable } from '../../ui/table/VirtualTable'
import { useFormat } from '../../ui/useFormat'
import { NewPayerDialog } from '../forms/PayerDialogs'
import { type PayerFilters as Filters, PAYER_PAGE_SIZE, payerPageQuery } from '../sanitationQueries'
import { PayerFilters } from './PayerFilters'
import { payerColumns } from './payerColumns'
import { nextPayerSort, setPayerFilters, usePayerFilters } from './payerFilterState'

/** The sanitation payers: search, filter, sorted by arrears, and open any payer's card. */
export default function PayerListScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const { navigate } = useRouter()
  const unitName = useUnitNames(format.language)
  const state = usePayerFilters()
  const role = useSession().data?.role
  const [adding, setAdding] = useState(false)
  const [search] = useDebouncedValue(state.search.trim(), 150)
  const filters: Filters = {
    search,
    territorialUnitId: state.territorialUnitId,
    kind: state.kind,
    sort: state.sort,
    direction: state.direction,
  }
  const filterKey = JSON.stringify(filters)
  // The same query as the table's first page: it is asked for once and gives the total.
  const firstPage = useQuery(payerPageQuery(filters, 0))
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filters
  const usePages = useCallback(
    (first: number, last: number) =>
      // biome-ignore lint/correctness/useHookAtTopLevel: called as a hook by the table, every render
      usePageRows((page) => payerPageQuery(filters, page), PAYER_PAGE_SIZE, first, last),
    [filterKey],
  )
  const columns = payerColumns(unitName)

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t('sanitation.payers.title')}
          </Title>
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {firstPage.data
              ? t('sanitation.payers.total', { n: format.number(firstPage.data.total) })
              : t('app.loading')}
          </Text>
        </Stack>
        {role && roleAllows(role, 'write') ? (
          <Button onClick={() => setAdding(true)}>{t('sanitation.payers.add')}</Button>
        ) : null}
      </Group>
      <FlashMessage />
      <PayerFilters filters={state} />
      {firstPage.isError ? (
        <ErrorAlert error={firstPage.error} onReload={() => void firstPage.refetch()} />
      ) : null}
      <VirtualTable
        label={t('sanitation.payers.tableLabel')}
        columns={columns}
        usePages={usePages}
        resetKey={filterKey}
        sort={state.sort}
        direction={state.direction}
        onSort={(field) => setPayerFilters(nextPayerSort(state, field))}
        onOpen={(row) => navigate({ name: 'sanitationPayer', id: row.id })}
        emptyText={t('sanitation.payers.empty')}
      />
      <NewPayerDialog
        opened={adding}
        onClose={() => setAdding(false)}
        onCreated={(payer) => navigate({ name: 'sanitationPayer', id: payer.id, tab: 'overview' })}
      />
    </Stack>
  )
}
