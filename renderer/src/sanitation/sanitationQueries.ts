import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { PayerListQuery } from '../../../domain/sanitation/views'
import { api } from '../api/api'
import { unwrap } from '../app/apiFailure'

export const PAYER_PAGE_SIZE = 100

/** Everything the sanitation registry caches sits under this key, so one invalidation refreshes it. */
export const sanitationKey = ['sanitation'] as const

export type PayerFilters = Omit<PayerListQuery, 'offset' | 'limit'>

/** One page of payers, as SQLite filtered, searched and sorted it. */
export const payerPageQuery = (filters: PayerFilters, page: number) =>
  queryOptions({
    queryKey: [...sanitationKey, 'payers', filters, page],
    queryFn: () =>
      unwrap(
        api.sanitation.listPayers({ ...filters, offset: page * PAYER_PAGE_SIZE, limit: PAYER_PAGE_SIZE }),
      ),
    // While the clerk types, the previous answer stays on screen instead of an empty table.
    placeholderData: page === 0 ? keepPreviousData : undefined,
  })

export const usePayerAccount = (id: string) =>
  useQuery({
    queryKey: [...sanitationKey, 'account', id],
    queryFn: () => unwrap(api.sanitation.payerAccount({ id })),
  })

export const useReceipt = (paymentId: string) =>
  useQuery({
    queryKey: [...sanitationKey, 'receipt', paymentId],
    queryFn: () => unwrap(api.sanitation.receipt({ paymentId })),
  })

export const usePaymentNotice = (payerId: string, period: string) =>
  useQuery({
    queryKey: [...sanitationKey, 'notice', payerId, period],
    queryFn: () => unwrap(api.sanitation.paymentNotice({ payerId, period })),
  })

export const usePaymentNotices = (territorialUnitId: string | null, period: string) =>
  useQuery({
    queryKey: [...sanitationKey, 'notices', territorialUnitId, period],
    queryFn: () =>
      unwrap(api.sanitation.paymentNotices({ territorialUnitId: territorialUnitId ?? '', period })),
    enabled: territorialUnitId !== null,
  })
