/** Every screen the app can show. A route is plain data, so it fits in `history.state`. */
export type DetailTab = 'overview' | 'cadastral' | 'leases' | 'documents' | 'history'

export type Route =
  | { name: 'propertyList' }
  | { name: 'propertyCreate' }
  | { name: 'propertyDetail'; id: string; tab?: DetailTab }
  | { name: 'propertyEdit'; id: string }
  | { name: 'propertyReports' }

export const homeRoute: Route = { name: 'propertyList' }

const routeNames = new Set<Route['name']>([
  'propertyList',
  'propertyCreate',
  'propertyDetail',
  'propertyEdit',
  'propertyReports',
])

/** A route read back from `history.state`, which any script on the page could have set. */
export function routeFromState(state: unknown): Route | null {
  if (typeof state !== 'object' || state === null || !('route' in state)) return null
  const route = (state as { route: unknown }).route
  if (typeof route !== 'object' || route === null || !('name' in route)) return null
  const name = (route as { name: unknown }).name
  if (typeof name !== 'string' || !routeNames.has(name as Route['name'])) return null
  if (
    (name === 'propertyDetail' || name === 'propertyEdit') &&
    typeof (route as { id?: unknown }).id !== 'string'
  ) {
    return null
  }
  return route as Route
}
