import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../api/api'
import { unwrap } from '../app/apiFailure'

/** Everything sync caches sits under this key, so one invalidation refreshes the header and the lists. */
export const syncKey = ['sync'] as const

/** How often the header asks for the status; cheap, it is read from the local store. */
export const OVERVIEW_POLL_MS = 5_000

export const overviewQuery = queryOptions({
  queryKey: [...syncKey, 'overview'],
  queryFn: () => unwrap(api.sync.overview({})),
  refetchInterval: OVERVIEW_POLL_MS,
  staleTime: 0,
})

/** The PC's sync state; asked before sign-in too (the first-run enrolment depends on it). */
export const useSyncOverview = () => useQuery(overviewQuery)

// The lists follow the background sync loop, which may add or settle entries at any time.
const LIST_POLL_MS = 15_000

export const useRejectedChanges = () =>
  useQuery({
    queryKey: [...syncKey, 'rejected'],
    queryFn: () => unwrap(api.sync.listRejected({})),
    refetchInterval: LIST_POLL_MS,
    staleTime: 0,
  })

export type ConflictStatus = 'open' | 'resolved'

export const useConflicts = (status: ConflictStatus) =>
  useQuery({
    queryKey: [...syncKey, 'conflicts', status],
    queryFn: () => unwrap(api.sync.listConflicts({ status })),
    refetchInterval: LIST_POLL_MS,
    staleTime: 0,
  })
