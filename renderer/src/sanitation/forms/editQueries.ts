import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AmnestyFields, TariffVersionFields } from '../../../../domain/sanitation/schemas'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'

// Reads and writes of the registry's records that the forms and the tariffs and inspections
// screens use. Everything sanitation caches sits under ['sanitation'], so one write refreshes the
// payer list, the card, the tariffs and the inspections alike.

export const sanitationKey = ['sanitation'] as const

export const useSanitationReference = () =>
  useQuery({
    queryKey: [...sanitationKey, 'referenceData'],
    queryFn: () => unwrap(api.sanitation.referenceData({})),
    staleTime: Number.POSITIVE_INFINITY,
  })

export const useTariffVersions = () =>
  useQuery({
    queryKey: [...sanitationKey, 'tariffVersions'],
    queryFn: () => unwrap(api.sanitation.tariffVersions({})),
  })

export const useGeneralExemptions = () =>
  useQuery({
    queryKey: [...sanitationKey, 'exemptions'],
    queryFn: () => unwrap(api.sanitation.exemptions({ includePayers: false })),
  })

export const useAmnesties = () =>
  useQuery({
    queryKey: [...sanitationKey, 'amnesties'],
    queryFn: () => unwrap(api.sanitation.amnesties({})),
  })

export type ApprovalFilter = 'pending' | 'approved' | 'rejected'

export const useInspections = (approval: ApprovalFilter) =>
  useQuery({
    queryKey: [...sanitationKey, 'inspections', approval],
    queryFn: () => unwrap(api.sanitation.inspections({ approval })),
  })

/** A write: on success everything sanitation shows is refetched, and the sync status too. */
export function useSanitationWrite<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: sanitationKey }),
        client.invalidateQueries({ queryKey: ['system', 'syncStatus'] }),
      ])
    },
  })
}

/** Previews change nothing, so they are plain mutations with no refresh. */
export const usePreviewTariffVersion = () =>
  useMutation({
    mutationFn: (input: TariffVersionFields) => unwrap(api.sanitation.previewTariffVersion(input)),
  })

export const usePreviewAmnesty = () =>
  useMutation({ mutationFn: (input: AmnestyFields) => unwrap(api.sanitation.previewAmnesty(input)) })

/** How far an amnesty's or a tariff version's lines are written, asked twice a second while they are. */
export const useLineWritingProgress = (recordId: string | null) =>
  useQuery({
    queryKey: [...sanitationKey, 'lineWritingProgress', recordId],
    queryFn: () => unwrap(api.sanitation.lineWritingProgress({ recordId: recordId! })),
    enabled: recordId !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 500 : false),
  })

export const useStopLineWriting = () =>
  useSanitationWrite((recordId: string) => unwrap(api.sanitation.stopLineWriting({ recordId })))

/** Writes what an interrupted amnesty or tariff version left unwritten; answers the record's id. */
export const useCompleteLines = (record: 'amnesty' | 'tariffVersion') =>
  useSanitationWrite(
    async (recordId: string): Promise<{ id: string }> =>
      record === 'amnesty'
        ? unwrap(api.sanitation.completeAmnesty({ recordId }))
        : unwrap(api.sanitation.completeTariffCorrections({ recordId })),
  )
