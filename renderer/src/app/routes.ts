/** Every screen the app can show. A route is plain data, so it fits in `history.state`. */
export type DetailTab = 'overview' | 'cadastral' | 'leases' | 'documents' | 'history'
export type PayerTab = 'overview' | 'account' | 'charges' | 'payments' | 'relief' | 'history'

export type Route =
  | { name: 'propertyList' }
  | { name: 'propertyCreate' }
  | { name: 'propertyDetail'; id: string; tab?: DetailTab }
  | { name: 'propertyEdit'; id: string }
  | { name: 'propertyReports' }
  // Sanitation: the clerk's screens and documents.
  | { name: 'sanitationPayers' }
  | { name: 'sanitationPayer'; id: string; tab?: PayerTab }
  | { name: 'sanitationReceipt'; paymentId: string }
  | { name: 'sanitationNotice'; payerId: string; period: string }
  | { name: 'sanitationNotices' }
  | { name: 'sanitationBilling' }
  | { name: 'sanitationBankImport' }
  | { name: 'sanitationReports' }
  // Sanitation: reference data under legal acts, and inspections awaiting a supervisor.
  | { name: 'sanitationTariffs' }
  | { name: 'sanitationInspections' }
  // sanitation: reference data (categories, bands, bank formats)
  | { name: 'sanitationReference' }
  | { name: 'needsAttention' }
  | { name: 'conflicts' }
  | { name: 'adminUsers' }
  | { name: 'adminDevices' }
  | { name: 'adminEnrolmentCodes' }

export const homeRoute: Route = { name: 'propertyList' }

/** The IT administrator sees no citizen data, so their first screen is the users. */
export const adminHomeRoute: Route = { name: 'adminUsers' }

/** Screens of the department registries, which an IT administrator has no access to. */
export const registryRouteNames: ReadonlySet<Route['name']> = new Set([
  'propertyList',
  'propertyCreate',
  'propertyDetail',
  'propertyEdit',
  'propertyReports',
  'sanitationPayers',
  'sanitationPayer',
  'sanitationReceipt',
  'sanitationNotice',
  'sanitationNotices',
  'sanitationBilling',
  'sanitationBankImport',
  'sanitationReports',
  'sanitationTariffs',
  'sanitationInspections',
  'sanitationReference',
])

const routeNames = new Set<Route['name']>([
  'propertyList',
  'propertyCreate',
  'propertyDetail',
  'propertyEdit',
  'propertyReports',
  'sanitationPayers',
  'sanitationPayer',
  'sanitationReceipt',
  'sanitationNotice',
  'sanitationNotices',
  'sanitationBilling',
  'sanitationBankImport',
  'sanitationReports',
  'sanitationTariffs',
  'sanitationInspections',
  'sanitationReference',
  'needsAttention',
  'conflicts',
  'adminUsers',
  'adminDevices',
  'adminEnrolmentCodes',
])

/** A route read back from `history.state`, which any script on the page could have set. */
export function routeFromState(state: unknown): Route | null {
  if (typeof state !== 'object' || state === null || !('route' in state)) return null
  const route = (state as { route: unknown }).route
  if (typeof route !== 'object' || route === null || !('name' in route)) return null
  const name = (route as { name: unknown }).name
  if (typeof name !== 'string' || !routeNames.has(name as Route['name'])) return null
  if (
    (name === 'propertyDetail' || name === 'propertyEdit' || name === 'sanitationPayer') &&
    typeof (route as { id?: unknown }).id !== 'string'
  ) {
    return null
  }
  const texts = (...keys: string[]) =>
    keys.every((key) => typeof (route as Record<string, unknown>)[key] === 'string')
  if (name === 'sanitationReceipt' && !texts('paymentId')) return null
  if (name === 'sanitationNotice' && !texts('payerId', 'period')) return null
  return route as Route
}
