import { useSyncExternalStore } from 'react'
import type { PropertySortField } from '../../../../domain/property/views'
import type { ObjectState, ObjectType } from '../../../../domain/property/vocabulary'

export interface ListFilterState {
  /** As typed; the query uses it after a short pause. */
  search: string
  type: ObjectType | null
  state: ObjectState | null
  territorialUnitId: string | null
  sort: PropertySortField
  direction: 'asc' | 'desc'
}

export const initialFilters: ListFilterState = {
  search: '',
  type: null,
  state: null,
  territorialUnitId: null,
  sort: 'inventoryNumber',
  direction: 'asc',
}

// Kept outside the list screen, so opening an object and coming back keeps the clerk's search.
let current = initialFilters
const listeners = new Set<() => void>()

export function setListFilters(change: Partial<ListFilterState>): void {
  current = { ...current, ...change }
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const useListFilters = (): ListFilterState => useSyncExternalStore(subscribe, () => current)

/** Clicking the sorted column flips the direction; another column sorts ascending. */
export function nextSort(
  state: Pick<ListFilterState, 'sort' | 'direction'>,
  field: PropertySortField,
): Pick<ListFilterState, 'sort' | 'direction'> {
  if (state.sort === field) return { sort: field, direction: state.direction === 'asc' ? 'desc' : 'asc' }
  return { sort: field, direction: 'asc' }
}
