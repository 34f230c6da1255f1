import type { LeaseView } from '../../../../domain/property/views'

export type LeaseStatus = 'active' | 'ended' | 'terminated'

/** How the card labels a lease on `today` (an ISO date in Tbilisi). */
export function leaseStatus(lease: Pick<LeaseView, 'terminatedOn' | 'endDate'>, today: string): LeaseStatus {
  if (lease.terminatedOn) return 'terminated'
  return lease.endDate < today ? 'ended' : 'active'
}
