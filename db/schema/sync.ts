import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { recordOps } from '../../domain/history'

export * from './syncConflict'

/** This PC's identity and counters; exactly one row (id = 1). */
export const deviceState = sqliteTable('device_state', {
  id: integer('id').primaryKey(),
  deviceId: text('device_id').notNull(),
  /** Last device sequence number given to an outbox row. */
  lastSeq: integer('last_seq').notNull().default(0),
  hlcWallMs: integer('hlc_wall_ms').notNull().default(0),
  hlcCounter: integer('hlc_counter').notNull().default(0),
  /** The device epoch the server gave at enrolment or at a restore (null before enrolment). */
  epoch: integer('epoch'),
  /** The server generation seen at the last hello; a different one means the server was restored. */
  serverGeneration: text('server_generation'),
  serverUrl: text('server_url'),
  /** `Authorization: Bearer` of every request; null while the PC is not enrolled. */
  deviceToken: text('device_token'),
  /** Server time minus this PC's clock at the last hello: HLCs use the corrected time. */
  clockOffsetMs: integer('clock_offset_ms').notNull().default(0),
  lastSyncAt: text('last_sync_at'),
  /** The last round's failure as an i18n key (`sync.error.<code>`), null after a good round. */
  lastError: text('last_error'),
  /**
   * The highest device sequence number the server acknowledged in `epoch`: told at every hello, so a
   * server restored from a backup (which forgot some of them) finds out.
   */
  acknowledgedSeq: integer('acknowledged_seq').notNull().default(0),
})

/** Where this PC's copy of each scope stands: bootstrapping from a snapshot, then live from a cursor. */
export const syncScope = sqliteTable('sync_scope', {
  scope: text('scope').primaryKey(),
  /** The last change-log sequence number applied (pull continues after it). */
  cursorSeq: integer('cursor_seq').notNull().default(0),
  /**
   * The next snapshot page's token while bootstrapping, so a restart resumes where it stopped; while
   * indexing, where the build of the derived indexes stands (db/sync/indexBuild.ts).
   */
  snapshotToken: text('snapshot_token'),
  snapshotSeq: integer('snapshot_seq'),
  state: text('state', { enum: ['bootstrapping', 'indexing', 'live'] })
    .notNull()
    .default('bootstrapping'),
})

/** Changes saved here and not yet acknowledged by the central server, in device-sequence order. */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey(),
    mutationId: text('mutation_id').notNull().unique(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    op: text('op', { enum: recordOps }).notNull(),
    /** JSON: field -> new value. */
    fields: text('fields').notNull(),
    /** JSON: field -> the version the clerk's change was based on (null for a new field). */
    baseVersions: text('base_versions').notNull(),
    hlc: text('hlc').notNull(),
    userId: text('user_id').notNull(),
    createdAt: text('created_at').notNull(),
    /** 'sent': the server answered applied or conflicted; the row stays until its effect is pulled. */
    state: text('state', { enum: ['pending', 'sent'] })
      .notNull()
      .default('pending'),
    sentAt: text('sent_at'),
    /** 1: sent again after the server was restored from a backup (its base versions are from before). */
    replay: integer('replay').notNull().default(0),
    /** The server's change-log position for it, once known (its answer, or the pull that brought it back). */
    changeSeq: integer('change_seq'),
  },
  (t) => [index('outbox_row').on(t.entity, t.rowId)],
)

/**
 * Outbox rows the server confirmed (their effect came back), kept for a while: if the server is
 * restored from a backup taken before it had them, they are sent again (electron/backend/sync/
 * engineRound.ts). Not pending: nothing counts them or pushes them otherwise. Pruned after
 * CONFIRMED_RETENTION_DAYS (db/sync/confirmedMutations.ts).
 */
export const confirmedMutation = sqliteTable(
  'confirmed_mutation',
  {
    mutationId: text('mutation_id').primaryKey(),
    /** The device epoch and sequence number it was confirmed under: the order the server applied them in. */
    epoch: integer('epoch').notNull(),
    seq: integer('seq').notNull(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    fields: text('fields').notNull(),
    baseVersions: text('base_versions').notNull(),
    hlc: text('hlc').notNull(),
    userId: text('user_id').notNull(),
    createdAt: text('created_at').notNull(),
    confirmedAt: text('confirmed_at').notNull(),
    /** Its change-log position on the server: a replay says where it stood in the log a restore lost. */
    changeSeq: integer('change_seq'),
  },
  (t) => [
    index('confirmed_mutation_order').on(t.epoch, t.seq),
    index('confirmed_mutation_at').on(t.confirmedAt),
  ],
)

/**
 * Changes the server refused (the "needs attention" list): the outbox row as it was, the reason,
 * and later what a clerk decided. Rows are never deleted, so nothing a clerk saved is lost.
 */
export const syncRejected = sqliteTable(
  'sync_rejected',
  {
    id: text('id').primaryKey(),
    seq: integer('seq').notNull(),
    mutationId: text('mutation_id').notNull().unique(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    op: text('op', { enum: recordOps }).notNull(),
    fields: text('fields').notNull(),
    baseVersions: text('base_versions').notNull(),
    hlc: text('hlc').notNull(),
    userId: text('user_id').notNull(),
    /** From the change's history entry, so the list can say who saved it. */
    userName: text('user_name').notNull(),
    createdAt: text('created_at').notNull(),
    /** `RejectReason` of the protocol. */
    reason: text('reason').notNull(),
    message: text('message').notNull(),
    rejectedAt: text('rejected_at').notNull(),
    resolution: text('resolution', { enum: ['resent', 'discarded'] }),
    resolvedBy: text('resolved_by'),
    resolvedAt: text('resolved_at'),
  },
  (t) => [index('sync_rejected_open').on(t.resolution, t.rejectedAt)],
)

/** Document numbers leased from the server: `<series>-<year>-<n>` for n in next..to are this PC's. */
export const numberPool = sqliteTable(
  'number_pool',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    series: text('series').notNull(),
    department: text('department').notNull(),
    year: integer('year').notNull(),
    from: integer('from_no').notNull(),
    /** The next number to issue; the block is used up when it passes `to`. */
    next: integer('next_no').notNull(),
    to: integer('to_no').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [uniqueIndex('number_pool_block').on(t.series, t.department, t.year, t.from)],
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
    op: text('op', { enum: recordOps }).notNull(),
    /** JSON: [{ field, from, to }]. */
    changes: text('changes').notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    at: text('at').notNull(),
    hlc: text('hlc').notNull(),
  },
  (t) => [index('record_history_subject').on(t.subjectId, t.hlc)],
)
