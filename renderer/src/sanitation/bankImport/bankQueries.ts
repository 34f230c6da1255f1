import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { BankFileInput } from '../../../../domain/sanitation/views'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'

export const useBankFormats = () =>
  useQuery({
    queryKey: ['sanitation', 'bankFileFormats'],
    queryFn: () => unwrap(api.sanitation.bankFileFormats({})),
    staleTime: 5 * 60_000,
  })

export const useDryRunBankImport = () =>
  useMutation({ mutationFn: (file: BankFileInput) => unwrap(api.sanitation.dryRunBankImport(file)) })

export function useConfirmBankImport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (file: BankFileInput) => unwrap(api.sanitation.confirmBankImport(file)),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sanitation'] }),
  })
}

export const useBankQueue = () =>
  useQuery({ queryKey: ['sanitation', 'bankQueue'], queryFn: () => unwrap(api.sanitation.bankQueue({})) })

export function useResolveBankLine() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (request: { lineId: string; payerId: string }) =>
      unwrap(api.sanitation.resolveBankLine(request)),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sanitation'] }),
  })
}

/** Payers found by name, personal number or payment code (Georgian or Latin layout), a few at a time. */
export const usePayerSearch = (search: string) =>
  useQuery({
    queryKey: ['sanitation', 'payerSearch', search],
    queryFn: () => unwrap(api.sanitation.listPayers({ search, limit: 20, sort: 'name', direction: 'asc' })),
    enabled: search.trim().length >= 2,
    placeholderData: keepPreviousData,
  })
