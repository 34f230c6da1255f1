import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CounterPaymentFields } from '../../../domain/sanitation/schemas'
import { api } from '../api/api'
import { unwrap } from '../app/apiFailure'
import { sanitationKey } from './sanitationQueries'

/** A payment at the counter: the list's balances, the card and the outbox count change with it. */
export function useRecordCounterPayment() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (fields: CounterPaymentFields) => unwrap(api.sanitation.recordCounterPayment(fields)),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: sanitationKey }),
        client.invalidateQueries({ queryKey: ['system', 'syncStatus'] }),
      ])
    },
  })
}
