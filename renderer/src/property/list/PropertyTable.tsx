import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { PropertyListRow, PropertySortField } from '../../../../domain/property/views'
import { usePageRows } from '../../ui/table/usePageRows'
import { VirtualTable } from '../../ui/table/VirtualTable'
import { type ListFilters, listPageQuery, PAGE_SIZE } from '../propertyQueries'
import { columns } from './columns'

interface Props {
  filters: ListFilters
  onSort(field: PropertySortField): void
  onOpen(row: PropertyListRow): void
}

/** The property list: every object as a row, pages loaded as the clerk scrolls. */
export function PropertyTable({ filters, onSort, onOpen }: Props) {
  const { t } = useTranslation()
  const filterKey = JSON.stringify(filters)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filters
  const usePages = useCallback(
    (first: number, last: number) =>
      // biome-ignore lint/correctness/useHookAtTopLevel: called as a hook by the table, every render
      usePageRows((page) => listPageQuery(filters, page), PAGE_SIZE, first, last),
    [filterKey],
  )
  return (
    <VirtualTable
      label={t('property.list.tableLabel')}
      columns={columns}
      usePages={usePages}
      resetKey={filterKey}
      sort={filters.sort ?? 'inventoryNumber'}
      direction={filters.direction ?? 'asc'}
      onSort={onSort}
      onOpen={onOpen}
      emptyText={t('property.list.empty')}
    />
  )
}
