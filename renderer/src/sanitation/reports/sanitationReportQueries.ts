import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'

export interface PeriodRange {
  fromPeriod: string
  toPeriod: string
}

// Under ['sanitation', ...]: a billing run or an import refreshes the reports too.
export const useCollectionReport = (range: PeriodRange) =>
  useQuery({
    queryKey: ['sanitation', 'report', 'collection', range],
    queryFn: () => unwrap(api.sanitation.collectionReport(range)),
    placeholderData: keepPreviousData,
  })

export const useUnitCollectionReport = (range: PeriodRange) =>
  useQuery({
    queryKey: ['sanitation', 'report', 'units', range],
    queryFn: () => unwrap(api.sanitation.unitCollectionReport(range)),
    placeholderData: keepPreviousData,
  })

export const useArrearsAgeingReport = () =>
  useQuery({
    queryKey: ['sanitation', 'report', 'ageing'],
    queryFn: () => unwrap(api.sanitation.arrearsAgeingReport({})),
  })

export const useTopDebtors = (query: { territorialUnitId: string | null; limit: number }) =>
  useQuery({
    queryKey: ['sanitation', 'report', 'topDebtors', query],
    queryFn: () => unwrap(api.sanitation.topDebtors(query)),
    placeholderData: keepPreviousData,
  })
