import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api } from '../api/api'
import { unwrap } from '../app/apiFailure'

// Reports read the same cache key prefix as the registry, so any property write refreshes them.
export const useObjectsReport = () =>
  useQuery({
    queryKey: ['property', 'report', 'objects'],
    queryFn: () => unwrap(api.property.objectsReport({})),
  })

export const useLeaseIncomeReport = (year: number, enabled: boolean) =>
  useQuery({
    queryKey: ['property', 'report', 'leaseIncome', year],
    queryFn: () => unwrap(api.property.leaseIncomeReport({ year })),
    enabled,
    placeholderData: keepPreviousData,
  })

export const useExpiringLeases = (withinDays: number, enabled: boolean) =>
  useQuery({
    queryKey: ['property', 'report', 'expiring', withinDays],
    queryFn: () => unwrap(api.property.expiringLeases({ withinDays })),
    enabled,
    placeholderData: keepPreviousData,
  })
