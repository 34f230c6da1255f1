import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { BillingRunRequest, BillingRunReversal } from '../../../../domain/sanitation/schemas'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'

// Every sanitation answer is cached under ['sanitation', ...], so a finished run refreshes them all.

export const useBillingRuns = () =>
  useQuery({
    queryKey: ['sanitation', 'billingRuns'],
    queryFn: () => unwrap(api.sanitation.billingRuns({ period: null })),
  })

/** The preview of the request last asked for (null: none asked yet). */
export const useBillingPreview = (request: BillingRunRequest | null) =>
  useQuery({
    queryKey: ['sanitation', 'billingPreview', request],
    queryFn: () => unwrap(api.sanitation.previewBilling(request!)),
    enabled: request !== null,
  })

/** A run's progress, asked twice a second while it runs. */
export const useBillingRunProgress = (billingRunId: string | null) =>
  useQuery({
    queryKey: ['sanitation', 'billingRunProgress', billingRunId],
    queryFn: () => unwrap(api.sanitation.billingRunProgress({ billingRunId: billingRunId! })),
    enabled: billingRunId !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 500 : false),
  })

/** Asks every sanitation answer again (a run finished, a run was reversed). Stable across renders. */
export const useRefreshSanitation = () => {
  const client = useQueryClient()
  return useCallback(() => client.invalidateQueries({ queryKey: ['sanitation'] }), [client])
}

export function useStartBillingRun() {
  return useMutation({
    mutationFn: (request: BillingRunRequest) => unwrap(api.sanitation.startBillingRun(request)),
  })
}

export function useCancelBillingRun() {
  const refresh = useRefreshSanitation()
  return useMutation({
    mutationFn: (billingRunId: string) => unwrap(api.sanitation.cancelBillingRun({ billingRunId })),
    onSuccess: () => void refresh(),
  })
}

export function useReverseBillingRun() {
  const refresh = useRefreshSanitation()
  return useMutation({
    mutationFn: (reversal: BillingRunReversal) => unwrap(api.sanitation.reverseBillingRun(reversal)),
    onSuccess: () => void refresh(),
  })
}
