import type Database from 'better-sqlite3'

type Row = Record<string, unknown>

/** The columns `subjectOf` reads of a row (besides its id). */
export const subjectColumnKeys = ['objectId', 'payerId', 'leaseId'] as const

const leaseObject = new WeakMap<Database.Database, Database.Statement>()

/**
 * The record whose history screen shows a change to `row`, and whose search entry it feeds: the
 * object for its cadastral codes, leases, documents and lease payments, the sanitation payer for
 * its charges, payments, plans, exemptions and inspections, else the row itself. The
 * services pass the same subject to the write path (electron/backend/property/service.ts).
 */
export function subjectOf(client: Database.Database, entity: string, row: Row): string {
  if (typeof row.objectId === 'string') return row.objectId
  if (typeof row.payerId === 'string') return row.payerId
  if (entity === 'propertyLeasePayment' && typeof row.leaseId === 'string') {
    // Prepared once per connection: a bootstrap asks this of every payment.
    let select = leaseObject.get(client)
    if (!select) {
      select = client.prepare('SELECT object_id FROM property_lease WHERE id = ?').pluck()
      leaseObject.set(client, select)
    }
    const lease = select.get(row.leaseId)
    if (typeof lease === 'string') return lease
  }
  return String(row.id)
}
