import { useQuery } from '@tanstack/react-query'
import { api } from '../api/api'
import { unwrap } from '../app/apiFailure'

/** Everything the administration screens cache; the server answers, so each visit asks again. */
export const adminKey = ['admin'] as const

export const useAdminUsers = () =>
  useQuery({ queryKey: [...adminKey, 'users'], queryFn: () => unwrap(api.admin.listUsers({})), staleTime: 0 })

/** Devices report on every hello, so the list follows them while it is open. */
export const useAdminDevices = () =>
  useQuery({
    queryKey: [...adminKey, 'devices'],
    queryFn: () => unwrap(api.admin.listDevices({})),
    staleTime: 0,
    refetchInterval: 30_000,
  })

export const useEnrolmentCodes = () =>
  useQuery({
    queryKey: [...adminKey, 'codes'],
    queryFn: () => unwrap(api.admin.listEnrolmentCodes({})),
    staleTime: 0,
  })
