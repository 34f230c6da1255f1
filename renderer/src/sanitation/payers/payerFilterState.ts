import { useSyncExternalStore } from 'react'
import type { PayerSortField } from '../../../../domain/sanitation/views'
import type { PayerKind } from '../../../../domain/sanitation/vocabulary'

export interface PayerFilterState {
  /** As typed; the query uses it after a short pause. */
  search: string
  territorialUnitId: string | null
  kind: PayerKind | null
  sort: PayerSortField
  direction: 'asc' | 'desc'
}

/** Largest arrears first: whom the inspection should call on. */
export const initialPayerFilters: PayerFilterState = {
  search: '',
  territorialUnitId: null,
  kind: null,
  sort: 'arrears',
  direction: 'desc',
}

// Kept outside the list screen, so opening a payer and coming back keeps the clerk's search.
let current = initialPayerFilters
const listeners = new Set<() => void>()

export function setPayerFilters(change: Partial<PayerFilterState>): void {
  current = { ...current, ...change }
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const usePayerFilters = (): PayerFilterState => useSyncExternalStore(subscribe, () => current)

/** Money columns start largest first, text columns A to Z; clicking the sorted column flips it. */
export function nextPayerSort(
  state: Pick<PayerFilterState, 'sort' | 'direction'>,
  field: PayerSortField,
): Pick<PayerFilterState, 'sort' | 'direction'> {
  if (state.sort === field) return { sort: field, direction: state.direction === 'asc' ? 'desc' : 'asc' }
  return { sort: field, direction: field === 'arrears' || field === 'balance' ? 'desc' : 'asc' }
}
