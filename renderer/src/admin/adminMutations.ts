import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { adminCalls } from '../../../domain/admin/contract'
import { api } from '../api/api'
import { unwrap } from '../app/apiFailure'
import { adminKey } from './adminQueries'

type Input<K extends keyof typeof adminCalls> = z.input<(typeof adminCalls)[K]['input']>

/** A change IT makes on the server; the lists it shows are asked for again. */
function useAdminWrite<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: adminKey }),
  })
}

export const useCreateUser = () =>
  useAdminWrite((input: Input<'createUser'>) => unwrap(api.admin.createUser(input)))

export const useUpdateUser = () =>
  useAdminWrite((input: Input<'updateUser'>) => unwrap(api.admin.updateUser(input)))

export const useResetPassword = () =>
  useAdminWrite((input: Input<'resetPassword'>) => unwrap(api.admin.resetPassword(input)))

export const useRevokeDevice = () =>
  useAdminWrite((input: { id: string }) => unwrap(api.admin.revokeDevice(input)))

export const useCreateEnrolmentCode = () =>
  useAdminWrite((_: undefined) => unwrap(api.admin.createEnrolmentCode({})))
