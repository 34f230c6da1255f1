import type { InspectionLine } from '../../domain/sanitation/editSchemas'
import { inspectionChange } from '../../domain/sanitation/inspection'
import type { SanitationInspectionRow } from '../../domain/sanitation/rows'
import type { ApprovalState } from '../../domain/sanitation/vocabulary'
import type { Db } from '../database'

// Inspectors' visits as the supervisor sees them: whose payer, and what approving would change.

type StoredInspection = SanitationInspectionRow & { id: string; version: number }

const columns = `i.id, i.version, i.payer_id AS payerId, i.visited_on AS visitedOn, i.inspector,
  i.observed_members AS observedMembers, i.observed_quantity AS observedQuantity, i.note,
  i.approval, i.decided_by AS decidedBy, i.decided_at AS decidedAt`

export function storedInspection(db: Db, id: string): StoredInspection | undefined {
  return db.$client
    .prepare(`SELECT ${columns} FROM sanitation_inspection i WHERE i.id = ? AND i.deleted_at IS NULL`)
    .get(id) as StoredInspection | undefined
}

/** Visits in one approval state (null: all), oldest visit first, with the change each implies now. */
export function inspectionLines(db: Db, approval: ApprovalState | null, limit = 500): InspectionLine[] {
  const rows = db.$client
    .prepare(
      `SELECT ${columns}, p.name AS payerName, p.payment_code AS paymentCode, p.kind AS payerKind,
         p.registered_members AS registeredMembers, p.billing_quantity AS billingQuantity
       FROM sanitation_inspection i JOIN sanitation_payer p ON p.id = i.payer_id
       WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL AND (@approval IS NULL OR i.approval = @approval)
       ORDER BY i.visited_on, i.rowid LIMIT @limit`,
    )
    .all({ approval, limit }) as (Omit<InspectionLine, 'change'> & {
    registeredMembers: number | null
    billingQuantity: number | null
  })[]
  return rows.map(({ registeredMembers, billingQuantity, ...row }) => ({
    ...row,
    change: inspectionChange({ kind: row.payerKind, registeredMembers, billingQuantity }, row),
  }))
}
