import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { BankFileFormat } from '../../../../domain/sanitation/bankFileFormat'
import type { sanitationReferenceCalls } from '../../../../domain/sanitation/referenceContract'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'

type Input<K extends keyof typeof sanitationReferenceCalls> = z.input<
  (typeof sanitationReferenceCalls)[K]['input']
>

/** Under the registry's key, so a sync that brings another head's change refreshes it too. */
export const referenceKey = ['sanitation', 'reference'] as const

export const useReferenceData = () =>
  useQuery({ queryKey: referenceKey, queryFn: () => unwrap(api.sanitation.listReferenceData({})) })

/** A head's change of the reference data; the tables and the outbox count are asked for again. */
function useReferenceWrite<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: referenceKey }),
        client.invalidateQueries({ queryKey: ['system', 'syncStatus'] }),
      ])
    },
  })
}

export const useCreateCategory = () =>
  useReferenceWrite((input: Input<'createActivityCategory'>) =>
    unwrap(api.sanitation.createActivityCategory(input)),
  )
export const useUpdateCategory = () =>
  useReferenceWrite((input: Input<'updateActivityCategory'>) =>
    unwrap(api.sanitation.updateActivityCategory(input)),
  )
export const useCreateBand = () =>
  useReferenceWrite((input: Input<'createSocialBand'>) => unwrap(api.sanitation.createSocialBand(input)))
export const useUpdateBand = () =>
  useReferenceWrite((input: Input<'updateSocialBand'>) => unwrap(api.sanitation.updateSocialBand(input)))
export const useCreateBankFormat = () =>
  useReferenceWrite((input: Input<'createBankFormat'>) => unwrap(api.sanitation.createBankFormat(input)))
export const useUpdateBankFormat = () =>
  useReferenceWrite((input: Input<'updateBankFormat'>) => unwrap(api.sanitation.updateBankFormat(input)))
export const useRetireItem = () =>
  useReferenceWrite((input: Input<'retireReferenceItem'>) =>
    unwrap(api.sanitation.retireReferenceItem(input)),
  )

/** A sample statement the head chose, read once. */
export interface SampleFile {
  fileName: string
  /** Changes whenever another file is chosen, so the preview is asked for again. */
  key: string
  contentBase64: string
}

/** The mapping tried on the sample; asked for again as the head edits it (null: not a whole format yet). */
export const useBankFormatPreview = (sample: SampleFile | null, format: BankFileFormat | null) =>
  useQuery({
    queryKey: ['sanitation', 'bankFormatPreview', sample?.key ?? null, format],
    queryFn: () =>
      unwrap(
        api.sanitation.previewBankFormat({
          format: format!,
          fileName: sample!.fileName,
          contentBase64: sample!.contentBase64,
        }),
      ),
    enabled: sample !== null && format !== null,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  })
