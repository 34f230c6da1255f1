import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { PropertyListQuery } from '../../../domain/property/views'
import { api } from '../api/api'
import { unwrap } from '../app/apiFailure'

export const PAGE_SIZE = 100

/** Everything the property registry caches sits under this key, so one invalidation refreshes it. */
export const propertyKey = ['property'] as const

export type ListFilters = Omit<PropertyListQuery, 'offset' | 'limit'>

/** One page of the list, as SQLite filtered, searched and sorted it. */
export const listPageQuery = (filters: ListFilters, page: number) =>
  queryOptions({
    queryKey: [...propertyKey, 'list', filters, page],
    queryFn: () => unwrap(api.property.list({ ...filters, offset: page * PAGE_SIZE, limit: PAGE_SIZE })),
    // While the clerk types, the previous answer stays on screen instead of an empty table.
    placeholderData: page === 0 ? keepPreviousData : undefined,
  })

export const detailQuery = (id: string) =>
  queryOptions({
    queryKey: [...propertyKey, 'detail', id],
    queryFn: () => unwrap(api.property.get({ id })),
  })

export const usePropertyDetail = (id: string) => useQuery(detailQuery(id))

export const usePropertyHistory = (id: string) =>
  useQuery({
    queryKey: [...propertyKey, 'history', id],
    queryFn: () => unwrap(api.property.history({ id })),
    staleTime: 0,
  })
