import { adminCalls } from './admin/contract'
import { authCalls } from './auth/contract'
import type { ClientApi, Contract } from './contract'
import { exportsCalls } from './exports/contract'
import { propertyCalls } from './property/contract'
import { referenceCalls } from './reference/contract'
import { sanitationCalls } from './sanitation/contract'
import { syncCalls } from './sync/contract'
import { systemCalls } from './system/contract'

/** The whole API of the application: the union of every registry's call table. */
export const contract = {
  auth: authCalls,
  system: systemCalls,
  reference: referenceCalls,
  property: propertyCalls,
  sanitation: sanitationCalls,
  sync: syncCalls,
  admin: adminCalls,
  exports: exportsCalls,
} satisfies Contract

export type AppContract = typeof contract
export type Api = ClientApi<AppContract>
