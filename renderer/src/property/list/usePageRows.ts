import { useQueries } from '@tanstack/react-query'
import type { PropertyListRow } from '../../../../domain/property/views'
import { type ListFilters, listPageQuery, PAGE_SIZE } from '../propertyQueries'

/**
 * The rows of the pages the visible range touches, fetched by offset as the clerk scrolls (a jump
 * to the middle of 100 000 rows loads only that page). Page 0 is always asked for: it carries the
 * total that sizes the scroll area.
 */
export function usePageRows(filters: ListFilters, firstIndex: number, lastIndex: number) {
  const pages = new Set([0])
  for (let page = Math.floor(firstIndex / PAGE_SIZE); page <= Math.floor(lastIndex / PAGE_SIZE); page++) {
    pages.add(page)
  }
  const pageList = [...pages].sort((a, b) => a - b)
  const results = useQueries({ queries: pageList.map((page) => listPageQuery(filters, page)) })

  const loaded = new Map<number, PropertyListRow[]>()
  pageList.forEach((page, i) => {
    const rows = results[i]?.data?.rows
    if (rows) loaded.set(page, rows)
  })
  const first = results[0]
  return {
    total: first?.data?.total,
    isPending: first?.isPending ?? true,
    error: results.find((r) => r.isError)?.error ?? null,
    isFetching: results.some((r) => r.isFetching),
    refetch: () => results.forEach((r) => void r.refetch()),
    rowAt: (index: number): PropertyListRow | undefined =>
      loaded.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
  }
}
