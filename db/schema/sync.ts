import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** This PC's identity and counters; exactly one row (id = 1). */
export const deviceState = sqliteTable('device_state', {
  id: integer('id').primaryKey(),
  deviceId: text('device_id').notNull(),
  /** Last device sequence number given to an outbox row. */
  lastSeq: integer('last_seq').notNull().default(0),
  hlcWallMs: integer('hlc_wall_ms').notNull().default(0),
  hlcCounter: integer('hlc_counter').notNull().default(0),
})

/** Changes saved here and not yet acknowledged by the central server, in device-sequence order. */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey(),
    mutationId: text('mutation_id').notNull().unique(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    /** JSON: field -> new value. */
    fields: text('fields').notNull(),
    /** JSON: field -> the version the clerk's change was based on (null for a new field). */
    baseVersions: text('base_versions').notNull(),
    hlc: text('hlc').notNull(),
    userId: text('user_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('outbox_row').on(t.entity, t.rowId)],
)

/** Who changed which field of which record, when, from what to what: the record's history. */
export const recordHistory = sqliteTable(
  'record_history',
  {
    mutationId: text('mutation_id').primaryKey(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    /** The record the history screen shows this change under (an object for its leases, say). */
    subjectId: text('subject_id').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    /** JSON: [{ field, from, to }]. */
    changes: text('changes').notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    at: text('at').notNull(),
    hlc: text('hlc').notNull(),
  },
  (t) => [index('record_history_subject').on(t.subjectId, t.hlc)],
)
