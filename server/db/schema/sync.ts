import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { parentFieldIndexes } from './parentIndexes'

// The sync engine's tables (research/sync.md 6.2). Replicated rows of every entity live in one
// `record` table as JSON, with each field's version and writer beside them: the merge is generic
// and a new registry needs no server migration. The change log is what PCs pull; the mutation log
// is what they pushed, kept for ever as the audit trail.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const seq = (name: string) => bigint(name, { mode: 'number' })

/** One row: the last sequence number given out. Each push locks it, so commits are in seq order. */
export const syncCounter = pgTable(
  'sync_counter',
  {
    id: integer('id').primaryKey().default(1),
    seq: seq('seq').notNull().default(0),
    /** The change log holds every entry after this; an older cursor must resnapshot. */
    retainedFrom: seq('retained_from').notNull().default(0),
  },
  (t) => [check('sync_counter_single_row', sql`${t.id} = 1`)],
)

export const record = pgTable(
  'record',
  {
    entity: text('entity').notNull(),
    id: uuid('id').notNull(),
    scope: text('scope').notNull(),
    /** Field -> value, as the entity's row schema (domain/sync/entities.ts) accepts it. */
    values: jsonb('values').notNull(),
    /** Field (`*` for the creation, `deletedAt`) -> { seq, hlc, device, by, changed? } (domain/sync/merge.ts). */
    fieldMeta: jsonb('field_meta').notNull(),
    deletedAt: at('deleted_at'),
    deletedSeq: seq('deleted_seq'),
    rowSeq: seq('row_seq').notNull(),
    createdSeq: seq('created_seq').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entity, t.id] }),
    index('record_scope_entity_id_idx').on(t.scope, t.entity, t.id),
    ...parentFieldIndexes(t),
  ],
)

/** The live rows' unique values (an inventory number, a current cadastral code) -> the row holding it. */
export const uniqueKey = pgTable(
  'unique_key',
  {
    entity: text('entity').notNull(),
    key: text('key').notNull(),
    value: text('value').notNull(),
    rowId: uuid('row_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entity, t.key, t.value] }),
    index('unique_key_row_idx').on(t.entity, t.rowId),
  ],
)

export const changeLog = pgTable(
  'change_log',
  {
    seq: seq('seq').primaryKey(),
    /** The first seq of the server transaction the entry belongs to: pull pages never split one. */
    txSeq: seq('tx_seq').notNull(),
    scope: text('scope').notNull(),
    entity: text('entity').notNull(),
    rowId: uuid('row_id').notNull(),
    op: text('op').notNull(),
    values: jsonb('values').notNull(),
    deletedAt: at('deleted_at'),
    /** For a put: the row's compact field versions. */
    fieldVersions: jsonb('field_versions'),
    originDevice: uuid('origin_device'),
    originMutation: uuid('origin_mutation'),
    userId: uuid('user_id'),
    userName: text('user_name'),
    at: at('at').notNull(),
  },
  (t) => [index('change_log_scope_seq_idx').on(t.scope, t.seq), index('change_log_at_idx').on(t.at)],
)

/** Every mutation a PC pushed and what became of it: the audit trail, never pruned. */
export const mutationLog = pgTable(
  'mutation_log',
  {
    mutationId: uuid('mutation_id').primaryKey(),
    deviceId: uuid('device_id').notNull(),
    epoch: integer('epoch').notNull(),
    clientSeq: seq('client_seq').notNull(),
    entity: text('entity').notNull(),
    rowId: uuid('row_id').notNull(),
    op: text('op').notNull(),
    fields: jsonb('fields').notNull(),
    base: jsonb('base').notNull(),
    hlc: text('hlc').notNull(),
    userId: uuid('user_id').notNull(),
    status: text('status').notNull(),
    /** The MutationResult the PC was given, returned again for a repeated push. */
    result: jsonb('result').notNull(),
    seqFrom: seq('seq_from'),
    seqTo: seq('seq_to'),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('mutation_log_device_seq_idx').on(t.deviceId, t.epoch, t.clientSeq),
    index('mutation_log_row_idx').on(t.entity, t.rowId),
  ],
)

/** Per series, department and year: the first number no PC has leased yet. */
export const numberSeries = pgTable(
  'number_series',
  {
    series: text('series').notNull(),
    department: text('department').notNull(),
    year: integer('year').notNull(),
    next: bigint('next', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.department, t.year] })],
)

/** A block of numbers a PC may issue offline until it expires. */
export const numberLease = pgTable(
  'number_lease',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    series: text('series').notNull(),
    department: text('department').notNull(),
    year: integer('year').notNull(),
    deviceId: uuid('device_id').notNull(),
    from: bigint('from', { mode: 'number' }).notNull(),
    to: bigint('to', { mode: 'number' }).notNull(),
    leasedAt: at('leased_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('number_lease_series_idx').on(t.series, t.department, t.year, t.from)],
)
