import { takeNumber } from '../../../../db/sync/numberPool'
import { demoUsers } from '../../../../domain/auth/demoUsers'
import type { PropertyObjectCreate } from '../../../../domain/property/schemas'
import { numberYear } from '../../../../electron/backend/sync/numbers'
import { sampleObject } from '../../../support/propertySamples'
import type { SyncedPc } from '../../../support/syncedPc'
import type { OnlinePc } from './e2eServer'

// Small pieces the end-to-end sync tests share.

export const unitId = '0190a3c0-0000-7000-8000-000000000101'
export const clerkName = demoUsers.find((u) => u.username === 'clerk')!.fullName
export const headName = demoUsers.find((u) => u.username === 'head')!.fullName

/** A property object saved through the app's own call; returns its id. */
export async function createObject(
  pc: SyncedPc,
  overrides: Partial<PropertyObjectCreate>,
  session?: string,
): Promise<string> {
  const input = sampleObject(unitId, { cadastralCode: null, ...overrides })
  return (await pc.ok<{ id: string }>('property.create', input, session)).id
}

/** Unplugs the PCs' network: every request and the poke stream fail from now on. */
export async function offline(...pcs: OnlinePc[]): Promise<void> {
  for (const pc of pcs) pc.network.unplug()
  // One turn of the event loop, so the HTTP client sees its pooled connections closed (a request
  // made in the same turn would go out on a dead socket and fail as a network error, later).
  await new Promise((resolve) => setTimeout(resolve, 20))
}

export async function online(...pcs: OnlinePc[]): Promise<void> {
  for (const pc of pcs) pc.network.plug()
}

/**
 * Two PCs' latest unpushed edits, the later by HLC first: the merge keeps the later one. HLCs run on
 * each PC's server-corrected clock, so wall-clock order in a test is not enough to tell.
 */
export function laterFirst<T>(edits: readonly [SyncedPc, T][]): [T, T] {
  const hlcOf = (pc: SyncedPc) =>
    pc.backend.db.$client.prepare('SELECT hlc FROM outbox ORDER BY seq DESC LIMIT 1').pluck().get() as string
  const sorted = edits
    .map(([pc, value]) => ({ hlc: hlcOf(pc), value }))
    .sort((x, y) => (x.hlc < y.hlc ? 1 : -1))
  return [sorted[0]!.value, sorted[1]!.value]
}

/** The next lease contract number from the PC's leased blocks (throws when none are left). */
export const contractNumber = (pc: SyncedPc): string =>
  takeNumber(pc.backend.db, 'contract', 'property', numberYear(new Date()))
