import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { replicatedColumns } from './replicated'

/**
 * A conflict the server recorded (`Conflict` of domain/sync/contract.ts), replicated to the scope
 * of the record it is about so clerks and heads can review it offline. Both sides' values are kept
 * as JSON text because a conflict can be about a field of any type. A head's decision travels back
 * through the write path as an update of `status`, `resolvedBy` and `resolvedAt`.
 */
export const syncConflict = sqliteTable(
  'sync_conflict',
  {
    ...replicatedColumns(),
    scope: text('scope').notNull(),
    kind: text('kind').notNull(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field'),
    /** JSON of the value the record has now. */
    currentValue: text('current_value').notNull(),
    currentUserName: text('current_user_name').notNull(),
    currentDeviceId: text('current_device_id'),
    currentDeviceName: text('current_device_name'),
    currentAt: text('current_at').notNull(),
    /** JSON of the value that did not make it into the record. */
    otherValue: text('other_value').notNull(),
    otherUserName: text('other_user_name').notNull(),
    otherDeviceId: text('other_device_id'),
    otherDeviceName: text('other_device_name'),
    otherAt: text('other_at').notNull(),
    status: text('status').notNull(),
    resolvedBy: text('resolved_by'),
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    index('sync_conflict_row').on(t.entity, t.rowId),
    index('sync_conflict_scope_status').on(t.scope, t.status),
  ],
)
