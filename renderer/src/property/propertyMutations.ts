import { useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  CadastralCodeChange,
  DocumentUpload,
  LeaseFields,
  LeasePaymentFields,
  PropertyObjectCreate,
  PropertyObjectUpdate,
} from '../../../domain/property/schemas'
import { api } from '../api/api'
import { unwrap } from '../app/apiFailure'
import { propertyKey } from './propertyQueries'

/**
 * A write to the property registry. Any write may change the list, the card, the history and the
 * outbox count, so each success refreshes them all; cheap, and never stale.
 */
function usePropertyWrite<I, O>(call: (input: I) => Promise<O>, refetchNow = true) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: propertyKey, refetchType: refetchNow ? 'active' : 'none' }),
        client.invalidateQueries({ queryKey: ['system', 'syncStatus'] }),
      ])
    },
  })
}

export const useCreateObject = () =>
  usePropertyWrite((input: PropertyObjectCreate) => unwrap(api.property.create(input)))

export const useUpdateObject = () =>
  usePropertyWrite((input: PropertyObjectUpdate) => unwrap(api.property.update(input)))

/** The card being deleted must not reload (it would be NOT_FOUND); the list reloads when shown. */
export const useRemoveObject = () =>
  usePropertyWrite((input: { id: string; version: number }) => unwrap(api.property.remove(input)), false)

export const useChangeCadastralCode = () =>
  usePropertyWrite((input: CadastralCodeChange) => unwrap(api.property.changeCadastralCode(input)))

export const useCreateLease = () =>
  usePropertyWrite((input: LeaseFields) => unwrap(api.property.createLease(input)))

export const useTerminateLease = () =>
  usePropertyWrite((input: { id: string; version: number; terminatedOn: string }) =>
    unwrap(api.property.terminateLease(input)),
  )

export const useAddLeasePayment = () =>
  usePropertyWrite((input: LeasePaymentFields) => unwrap(api.property.addLeasePayment(input)))

export const useAddDocument = () =>
  usePropertyWrite((input: DocumentUpload) => unwrap(api.property.addDocument(input)))

export const useRemoveDocument = () =>
  usePropertyWrite((input: { id: string }) => unwrap(api.property.removeDocument(input)))
