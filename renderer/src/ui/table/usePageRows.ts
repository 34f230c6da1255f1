import { type QueryKey, type UseQueryOptions, useQueries } from '@tanstack/react-query'

export interface Page<Row> {
  total: number
  rows: Row[]
}

export interface PageRows<Row> {
  total: number | undefined
  isPending: boolean
  error: unknown
  isFetching: boolean
  refetch(): void
  rowAt(index: number): Row | undefined
}

/**
 * The rows of the pages the visible range touches, fetched by offset as the clerk scrolls (a jump
 * to the middle of 100 000 rows loads only that page). Page 0 is always asked for: it carries the
 * total that sizes the scroll area.
 */
export function usePageRows<Row, Key extends QueryKey>(
  pageQuery: (page: number) => UseQueryOptions<Page<Row>, Error, Page<Row>, Key>,
  pageSize: number,
  firstIndex: number,
  lastIndex: number,
): PageRows<Row> {
  const pages = new Set([0])
  for (let page = Math.floor(firstIndex / pageSize); page <= Math.floor(lastIndex / pageSize); page++) {
    pages.add(page)
  }
  const pageList = [...pages].sort((a, b) => a - b)
  const results = useQueries({ queries: pageList.map((page) => pageQuery(page)) })

  const loaded = new Map<number, Row[]>()
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
    rowAt: (index: number): Row | undefined => loaded.get(Math.floor(index / pageSize))?.[index % pageSize],
  }
}
