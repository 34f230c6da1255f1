import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query'
import type { SyncOverview } from '../../../domain/sync/contract'
import { api } from '../api/api'
import { unwrap } from '../app/apiFailure'
import { overviewQuery, syncKey } from './syncQueries'

/**
 * After any sync decision the status, the lists and the registries' data may all have moved (a
 * resent change rewrites the record, a resolved conflict changes a field), so all of it refreshes.
 */
async function refreshAfterSync(client: QueryClient): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: syncKey }),
    client.invalidateQueries({ queryKey: ['property'] }),
    client.invalidateQueries({ queryKey: ['system'] }),
  ])
}

function useSyncWrite<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient()
  return useMutation({ mutationFn: call, onSuccess: () => refreshAfterSync(client) })
}

/** A call that answers with a fresh overview: the header shows it at once, then everything refreshes. */
function useOverviewWrite<I>(call: (input: I) => Promise<SyncOverview>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: async (overview) => {
      client.setQueryData(overviewQuery.queryKey, overview)
      await refreshAfterSync(client)
    },
  })
}

export const useSyncNow = () => useOverviewWrite((_: undefined) => unwrap(api.sync.syncNow({})))

export const useEnrol = () =>
  useOverviewWrite((input: { serverUrl: string; code: string; deviceName: string }) =>
    unwrap(api.sync.enrol(input)),
  )

export const useResendRejected = () =>
  useSyncWrite((input: { id: string; fields: Record<string, string | number | boolean | null> }) =>
    unwrap(api.sync.resendRejected(input)),
  )

export const useDiscardRejected = () =>
  useSyncWrite((input: { id: string }) => unwrap(api.sync.discardRejected(input)))

export const useResolveConflict = () =>
  useSyncWrite(
    (input: {
      id: string
      keep: 'current' | 'other' | 'merged'
      merged?: string | number | boolean | null
    }) => unwrap(api.sync.resolveConflict(input)),
  )
