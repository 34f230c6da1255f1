import { z } from 'zod'

/** Kinds of municipal property (DOMAIN.md, Property). */
export const ObjectType = z.enum(['land', 'building', 'premises', 'infrastructure', 'movable'])
export type ObjectType = z.infer<typeof ObjectType>

/** Basic property cannot be sold; additional property can (Local Self-Government Code art. 54). */
export const PropertyClass = z.enum(['basic', 'additional'])
export type PropertyClass = z.infer<typeof PropertyClass>

export const ObjectState = z.enum([
  'inUse',
  'leased',
  'vacant',
  'listedForAuction',
  'privatised',
  'writtenOff',
])
export type ObjectState = z.infer<typeof ObjectState>

export const AcquisitionMethod = z.enum([
  'purchase',
  'stateTransfer',
  'construction',
  'donation',
  'legacy',
  'other',
])
export type AcquisitionMethod = z.infer<typeof AcquisitionMethod>

export const TenantKind = z.enum(['person', 'company'])
export type TenantKind = z.infer<typeof TenantKind>

/** How often rent falls due: every 1, 3 or 12 months from the lease start. */
export const RentSchedule = z.enum(['monthly', 'quarterly', 'annual'])
export type RentSchedule = z.infer<typeof RentSchedule>

export const monthsPerInstalment: Record<RentSchedule, number> = { monthly: 1, quarterly: 3, annual: 12 }

export const DocumentKind = z.enum(['registryExtract', 'act', 'contract', 'photo', 'other'])
export type DocumentKind = z.infer<typeof DocumentKind>
