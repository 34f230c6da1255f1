import { z } from 'zod'
import { Department, Role } from '../auth/roles'
import { RecordOp } from '../history'
import { SEEN_LIMIT } from './replayedEdits'

// The wire protocol between a PC and the central server (DESIGN.md section 5). Both sides import
// these schemas: the server validates every request body with them, the PC every response.
//
// Versions of a field are server sequence numbers. A row's `fieldVersions` is compact:
// `{ "*": <seq that created the row>, <field>: <seq of its last change>, ... }`; a field without an
// entry of its own has the version under "*". A row made on a PC and not yet confirmed has `{}`.
// A PC never changes `fieldVersions` itself: its local edits keep, as their base, the version its
// value was based on, and only pulled changes move the versions on.

/**
 * The protocol a PC speaks; a server serves every version from 1 to its own.
 * 1: the first. 2: a replay may carry `changeSeq` (a server of 1 refuses the field, so a PC of 2
 * needs a server of 2: update the server first). 3: a replay may carry `seen`.
 */
export const PROTOCOL_VERSION = 3
/** The data model's version; raised with every migration that changes a replicated table. */
export const SCHEMA_VERSION = 1

/** Headers every request from a PC carries. */
export const headerNames = {
  protocol: 'x-rustavi-protocol',
  schema: 'x-rustavi-schema',
  app: 'x-rustavi-app',
  device: 'x-rustavi-device',
  epoch: 'x-rustavi-epoch',
  generation: 'x-rustavi-generation',
  /** The signed-in user's server session (`Authorization: Bearer <device token>` names the PC). */
  session: 'x-rustavi-session',
} as const

/** Replicated data is partitioned by department scope plus the shared reference scope. */
export const Scope = z.enum(['reference', ...Department.options])
export type Scope = z.infer<typeof Scope>

export const FieldValue = z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()])
export type FieldValue = z.infer<typeof FieldValue>

export const Uuid = z.uuid()
const EntityName = z.string().regex(/^[a-z][A-Za-z]{1,63}$/)
const FieldName = z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/)
const Seq = z.number().int().nonnegative()
const HlcText = z.string().regex(/^\d{15}-\d{6}-[0-9A-Za-z_-]{1,64}$/)
const IsoTime = z.iso.datetime({ offset: true })

/** `{ "*": seq, field: seq }`, see the top of this file. */
export const FieldVersions = z.record(z.union([z.literal('*'), FieldName]), Seq)
export type FieldVersions = z.infer<typeof FieldVersions>

/** The error body of every non-2xx answer. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }).strict(),
})
export type ErrorBody = z.infer<typeof ErrorBody>

/** Codes of the server's errors, by HTTP status: honest statuses, one code each. */
export const ServerErrorCode = z.enum([
  'BAD_REQUEST', // 400
  'UNAUTHENTICATED', // 401
  'FORBIDDEN', // 403
  'NOT_FOUND', // 404
  'CONFLICT', // 409: the request clashes with what the server holds (a username already taken)
  'SEQUENCE_GAP', // 409: a push skipped device sequence numbers; `expected` says where to resume
  'EPOCH_MISMATCH', // 409: the push names an old device epoch
  'RESNAPSHOT', // 410: the cursor is older than the change log keeps, or the server was restored
  'PAYLOAD_TOO_LARGE', // 413
  'UPDATE_REQUIRED', // 426: the PC's protocol or schema is too old (its outbox stays untouched)
  'RATE_LIMITED', // 429
  'UNAVAILABLE', // 503: retry later
  'INTERNAL', // 500: never on purpose
])
export type ServerErrorCode = z.infer<typeof ServerErrorCode>

// --- Enrolment and sign-in ---------------------------------------------------------------------

export const EnrolRequest = z
  .object({
    code: z.string().min(6).max(64),
    deviceName: z.string().min(1).max(200),
    appVersion: z.string().min(1).max(50),
  })
  .strict()
export const EnrolResponse = z
  .object({
    deviceId: Uuid,
    deviceToken: z.string().min(32),
    epoch: z.number().int().positive(),
    serverGeneration: Uuid,
  })
  .strict()
export type EnrolResponse = z.infer<typeof EnrolResponse>

export const ServerUser = z
  .object({
    id: Uuid,
    username: z.string(),
    displayName: z.string(),
    role: Role,
    departments: z.array(Department),
    mustChangePassword: z.boolean(),
  })
  .strict()
export type ServerUser = z.infer<typeof ServerUser>

export const LoginRequest = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })
  .strict()
export const LoginResponse = z.object({ sessionToken: z.string().min(32), user: ServerUser }).strict()
export type LoginResponse = z.infer<typeof LoginResponse>

// --- Hello ---------------------------------------------------------------------------------------

export const HelloRequest = z
  .object({
    /** The last device sequence number this PC has given an outbox row. */
    lastLocalSeq: Seq,
    /** Where this PC's pull of each scope stands. */
    cursors: z.partialRecord(Scope, Seq),
    /** The server generation the PC last saw (null before its first hello). */
    knownGeneration: Uuid.nullable(),
    /** The PC's own clock when it sent this, so the server can tell IT how far off it is. */
    clientTime: IsoTime,
    /** Outbox rows waiting to be pushed, for the devices screen. */
    pendingChanges: Seq,
    /**
     * The highest device sequence number the server has acknowledged to this PC in its epoch. A
     * server whose own record of the PC (same epoch) is lower, or whose log is shorter than a cursor,
     * was restored from a backup (null before the PC's first push).
     */
    acknowledged: z.object({ epoch: z.number().int().positive(), seq: Seq }).strict().nullable().optional(),
  })
  .strict()
export type HelloRequest = z.infer<typeof HelloRequest>

export const HelloAction = z.discriminatedUnion('kind', [
  /** Drop the scope's rows that have no pending change and bootstrap it again from a snapshot. */
  z.object({ kind: z.literal('resnapshot'), scope: Scope }).strict(),
  /** The user may no longer read the scope: push what is pending for it, then delete its rows. */
  z.object({ kind: z.literal('purge'), scope: Scope }).strict(),
  /** The PC was restored from a backup: re-push unconfirmed changes under the new epoch. */
  z.object({ kind: z.literal('rotateEpoch'), epoch: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('updateRequired'), minAppVersion: z.string() }).strict(),
])
export type HelloAction = z.infer<typeof HelloAction>

/** The versions (of the protocol, or of the schema) a server serves. */
const VersionRange = z.object({ min: z.number().int(), max: z.number().int() }).strict()

export const HelloResponse = z
  .object({
    serverTime: IsoTime,
    protocol: VersionRange,
    schema: VersionRange,
    minAppVersion: z.string(),
    serverGeneration: Uuid,
    epoch: z.number().int().positive(),
    /** The highest device sequence number the server has applied from this PC (this epoch). */
    deviceLastSeq: Seq,
    scopes: z.array(z.object({ scope: Scope, write: z.boolean() }).strict()),
    actions: z.array(HelloAction),
  })
  .strict()
export type HelloResponse = z.infer<typeof HelloResponse>

// --- Push ----------------------------------------------------------------------------------------

/** One outbox row, as `db/writePath.ts` recorded it. */
export const Mutation = z
  .object({
    seq: z.number().int().positive(),
    mutationId: Uuid,
    entity: EntityName,
    rowId: Uuid,
    op: RecordOp,
    fields: z.record(FieldName, FieldValue),
    /**
     * Field -> the server version the clerk's value was based on (null: the field was new to the PC).
     * A delete names `deletedAt` -> the newest version of any of the row's fields the PC had: a field
     * changed after that by another PC is a change the clerk never saw (a deleteAfterEdit conflict).
     * A restore (no fields) names `deletedAt` -> the version of the deletion it undoes.
     */
    baseVersions: z.record(z.union([FieldName, z.literal('deletedAt')]), Seq.nullable()),
    hlc: HlcText,
    userId: Uuid,
    createdAt: IsoTime,
    /**
     * Sent again after the server was restored from a backup (it may have acknowledged it before):
     * its base versions belong to the log the restore threw away (see domain/sync/merge.ts).
     */
    replay: z.literal(true).optional(),
    /**
     * A replay's `changeSeq` from the server's answer before the restore (its position in the log
     * the restore threw away), when the PC had it: with the base versions it places the change among
     * the other replays, so an edit made on top of another is not taken for a concurrent one.
     */
    changeSeq: Seq.optional(),
    /**
     * A replay's view of its row when the clerk made it: the mutations of that row its PC had
     * received from other PCs before, newest first. An edit made on top of a change whose PC has
     * forgotten its position (put back to its own backup) still names it, so the two are not taken
     * for concurrent ones.
     */
    seen: z.array(Uuid).max(SEEN_LIMIT).optional(),
  })
  .strict()
export type Mutation = z.infer<typeof Mutation>

export const PushRequest = z
  .object({ epoch: z.number().int().positive(), mutations: z.array(Mutation).min(1).max(500) })
  .strict()

export const RejectReason = z.enum([
  'VALIDATION', // a field fails the entity's schema
  'FORBIDDEN', // the user may not write this scope (or no longer may: routed to a supervisor)
  'UNKNOWN_ENTITY',
  'NOT_FOUND', // update or delete of a row the server has never had
  'DUPLICATE', // a unique key (a cadastral code, say) is taken by another row
  'DUPLICATE_ID', // an insert of an id that already exists
  'REFERENCE', // a parent row (an object for a lease) does not exist or is deleted
  'HAS_CHILDREN', // a delete of a row that live rows still name (an object with a lease)
])
export type RejectReason = z.infer<typeof RejectReason>

/** A row as the server holds it, sent back with a rejection so the PC can show the server's truth. */
export const ServerRow = z
  .object({
    entity: EntityName,
    rowId: Uuid,
    scope: Scope,
    values: z.record(FieldName, FieldValue),
    fieldVersions: FieldVersions,
    deletedAt: IsoTime.nullable(),
  })
  .strict()
export type ServerRow = z.infer<typeof ServerRow>

export const MutationResult = z.discriminatedUnion('status', [
  z
    .object({ seq: z.number().int(), mutationId: Uuid, status: z.literal('applied'), changeSeq: Seq })
    .strict(),
  z
    .object({
      seq: z.number().int(),
      mutationId: Uuid,
      status: z.literal('conflicted'),
      changeSeq: Seq,
      conflictIds: z.array(Uuid).min(1),
    })
    .strict(),
  z
    .object({
      seq: z.number().int(),
      mutationId: Uuid,
      status: z.literal('rejected'),
      reason: RejectReason,
      message: z.string(),
      /** The server's row (null when it has none): the PC puts it back where the change was. */
      current: ServerRow.nullable(),
    })
    .strict(),
])
export type MutationResult = z.infer<typeof MutationResult>

export const PushResponse = z.object({ results: z.array(MutationResult), deviceLastSeq: Seq }).strict()
export type PushResponse = z.infer<typeof PushResponse>

/** Body of a 409 SEQUENCE_GAP: the device sequence number the server expects next. */
export const GapBody = ErrorBody.extend({ expected: z.number().int().positive() })
/** A 426's body: the protocol and schema versions the server serves. */
export const UpdateRequiredBody = ErrorBody.extend({
  protocol: VersionRange,
  schema: VersionRange,
})

// --- Pull ----------------------------------------------------------------------------------------

export const PullQuery = z
  .object({
    scope: Scope,
    after: z.coerce.number().int().nonnegative(),
    limit: z.coerce.number().int().min(1).max(5_000).default(1_000),
  })
  .strict()

/**
 * One entry of the server's change log. Every field in `values` now has version `seq`.
 * `put`: the row's whole state (a new row, a restore, or a row moving into the scope);
 * `patch`: the named fields; `delete`: a tombstone (deletedAt); `remove`: the row left this scope.
 * Every applied or conflicted mutation produces one entry holding the server's value of every field
 * it touched (the winner's, when it lost a merge), so the PC's outbox row is confirmed by it.
 */
export const ChangeEntry = z
  .object({
    seq: z.number().int().positive(),
    /** The first sequence number of the server transaction this entry belongs to. */
    txSeq: z.number().int().positive(),
    scope: Scope,
    entity: EntityName,
    rowId: Uuid,
    op: z.enum(['put', 'patch', 'delete', 'remove']),
    values: z.record(FieldName, FieldValue),
    deletedAt: IsoTime.nullable(),
    /** For a put: the row's compact field versions. For the rest, every named field is at `seq`. */
    fieldVersions: FieldVersions.optional(),
    originDevice: Uuid.nullable(),
    originMutation: Uuid.nullable(),
    userId: z.string().nullable(),
    /** Shown in the record's history on every PC (the PC's applier files remote changes there too). */
    userName: z.string().nullable(),
    at: IsoTime,
  })
  .strict()
export type ChangeEntry = z.infer<typeof ChangeEntry>

export const PullResponse = z
  .object({
    changes: z.array(ChangeEntry),
    /** The cursor after this page (the page never ends inside a server transaction). */
    next: Seq,
    hasMore: z.boolean(),
  })
  .strict()
export type PullResponse = z.infer<typeof PullResponse>

// --- Snapshot ------------------------------------------------------------------------------------

export const SnapshotQuery = z
  .object({
    scope: Scope,
    /** The page token of the previous page; absent for the first page. */
    token: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(10_000).default(5_000),
  })
  .strict()

export const SnapshotResponse = z
  .object({
    /** The change-log position the snapshot is consistent at; pull continues after it. */
    snapshotSeq: Seq,
    /** Rows in dependency order (parents before children), then by id. */
    rows: z.array(ServerRow),
    /** The next page's token, null on the last page. A token stays valid across a restart. */
    next: z.string().nullable(),
  })
  .strict()
export type SnapshotResponse = z.infer<typeof SnapshotResponse>

// --- Numbers -------------------------------------------------------------------------------------

export const NumberSeries = z.enum(['receipt', 'notice', 'contract', 'certificate'])
export type NumberSeries = z.infer<typeof NumberSeries>

/** Each series' mark on the printed document: the first letters of the document's Georgian name. */
const seriesMarks: Record<NumberSeries, string> = {
  receipt: 'ქვ', // ქვითარი
  notice: 'შტ', // შეტყობინება
  contract: 'ხშ', // ხელშეკრულება
  certificate: 'ცნ', // ცნობა
}

/** A document number as printed and stored: `ქვ-2026-000101` (series mark, year, six digits). */
export const documentNumber = (series: NumberSeries, year: number, n: number): string =>
  `${seriesMarks[series]}-${year}-${String(n).padStart(6, '0')}`

export const NumberLeaseRequest = z
  .object({ series: NumberSeries, department: Department, count: z.number().int().min(1).max(10_000) })
  .strict()
/** Numbers `from..to` of `<series>-<year>-<n>` belong to this PC until `expiresAt`. */
export const NumberLease = z
  .object({
    series: NumberSeries,
    department: Department,
    year: z.number().int().min(2000).max(2200),
    from: z.number().int().positive(),
    to: z.number().int().positive(),
    expiresAt: IsoTime,
  })
  .strict()
export type NumberLease = z.infer<typeof NumberLease>

// --- Events --------------------------------------------------------------------------------------

/** `GET /v1/sync/events` sends `event: poke` with this data whenever a scope's log grows. */
export const Poke = z.object({ scope: Scope, seq: Seq }).strict()
export type Poke = z.infer<typeof Poke>
