import { z } from 'zod'
import { publicAccess, signedIn } from '../auth/access'
import { Department, Role } from '../auth/roles'
import { defineCalls } from '../contract'
import { RecordOp } from '../history'
import { Scope } from './protocol'

// The app's calls about sync: its status for the header, the "needs attention" list of changes the
// server refused, the conflicts a head decides, and the first-run choice (enrol or demo).

export const ConnectionState = z.enum(['notEnrolled', 'online', 'offline', 'updateRequired'])
export type ConnectionState = z.infer<typeof ConnectionState>

export const SyncOverview = z
  .object({
    connection: ConnectionState,
    serverUrl: z.string().nullable(),
    deviceId: z.string(),
    /** Changes saved on this PC that have not come back from the server yet. */
    pendingChanges: z.number().int().nonnegative(),
    /** Changes the server refused, waiting for a clerk to fix and resend or discard. */
    needsAttention: z.number().int().nonnegative(),
    /** Open conflicts in the scopes the signed-in user reads. */
    openConflicts: z.number().int().nonnegative(),
    lastSyncAt: z.iso.datetime({ offset: true }).nullable(),
    /** How far this PC has received the server's changes; when it moves, the screens reload their data. */
    receivedSeq: z.number().int().nonnegative(),
    /** The last failure, as an i18n key under `sync.error.*`, or null. */
    lastError: z.string().nullable(),
  })
  .strict()
export type SyncOverview = z.infer<typeof SyncOverview>

const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()])

export const RejectedChange = z
  .object({
    id: z.string(),
    entity: z.string(),
    rowId: z.string(),
    op: RecordOp,
    /** What the clerk saved. */
    fields: z.record(z.string(), FieldValue),
    /** The server's reason code (`RejectReason` of the protocol) and its message. */
    reason: z.string(),
    message: z.string(),
    userName: z.string(),
    savedAt: z.iso.datetime({ offset: true }),
    rejectedAt: z.iso.datetime({ offset: true }),
  })
  .strict()
export type RejectedChange = z.infer<typeof RejectedChange>

export const ConflictSide = z
  .object({
    value: FieldValue,
    userName: z.string(),
    deviceId: z.string().nullable(),
    /** The computer's name as IT enrolled it, when the server knew it. */
    deviceName: z.string().nullable(),
    at: z.iso.datetime({ offset: true }),
  })
  .strict()

export const ConflictKind = z.enum([
  'concurrentEdit', // two PCs changed one field; the later edit won and the other is kept here
  'guardedField', // a guarded field (status, amount, legal date): the server value stays until a head decides
  'editAfterDelete',
  'deleteAfterEdit',
  'permissionRevoked', // a clerk's pending change for a scope taken away: routed to the head
  'duplicateNumber',
])
export type ConflictKind = z.infer<typeof ConflictKind>

export const Conflict = z
  .object({
    id: z.string(),
    scope: Scope,
    kind: ConflictKind,
    entity: z.string(),
    rowId: z.string(),
    field: z.string().nullable(),
    /** The value the record has now. */
    current: ConflictSide,
    /** The value that did not make it into the record. */
    other: ConflictSide,
    status: z.enum(['open', 'resolved']),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict()
export type Conflict = z.infer<typeof Conflict>

export const syncCalls = defineCalls({
  overview: { input: z.object({}).strict(), output: SyncOverview, access: publicAccess },
  /** Pushes and pulls now instead of waiting for the next round. */
  syncNow: { input: z.object({}).strict(), output: SyncOverview, access: signedIn },
  listRejected: {
    input: z.object({}).strict(),
    output: z.array(RejectedChange),
    access: signedIn,
  },
  /** Saves the (corrected) values again as a new change; the refused one is marked as resent. */
  resendRejected: {
    input: z.object({ id: z.string().max(64), fields: z.record(z.string().max(64), FieldValue) }).strict(),
    output: z.object({}).strict(),
    access: signedIn,
  },
  /** Gives a refused change up; the decision is recorded with who and when. */
  discardRejected: {
    input: z.object({ id: z.string().max(64) }).strict(),
    output: z.object({}).strict(),
    access: signedIn,
  },
  listConflicts: {
    input: z.object({ status: z.enum(['open', 'resolved']).default('open') }).strict(),
    output: z.array(Conflict),
    access: signedIn,
  },
  /** A head keeps the current value, the other one, or a merged value they typed. */
  resolveConflict: {
    input: z
      .object({
        id: z.string().max(64),
        keep: z.enum(['current', 'other', 'merged']),
        merged: FieldValue.optional(),
      })
      .strict(),
    output: z.object({}).strict(),
    access: signedIn,
  },
  /** First run: enrol this PC with a server address and a one-time code from IT. */
  enrol: {
    input: z
      .object({
        serverUrl: z.url({ protocol: /^https?$/ }).max(300),
        code: z.string().min(6, 'sync.enrol.codeInvalid').max(64),
        deviceName: z.string().min(1).max(200),
      })
      .strict(),
    output: SyncOverview,
    access: publicAccess,
  },
})

// --- IT administration (answered by the central server through the signed-in admin's session) ---

export const AdminUser = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: Role,
    departments: z.array(Department),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    lastSignInAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict()
export type AdminUser = z.infer<typeof AdminUser>

export const AdminDevice = z
  .object({
    id: z.string(),
    name: z.string(),
    enrolledAt: z.iso.datetime({ offset: true }),
    lastSeenAt: z.iso.datetime({ offset: true }).nullable(),
    appVersion: z.string().nullable(),
    /** How far the PC's clock was from the server's at its last hello, in milliseconds. */
    clockOffsetMs: z.number().int().nullable(),
    /** Changes the PC reported as saved and not yet pushed at its last hello. */
    pendingChanges: z.number().int().nullable(),
    revoked: z.boolean(),
  })
  .strict()
export type AdminDevice = z.infer<typeof AdminDevice>

export const EnrolmentCode = z
  .object({
    code: z.string(),
    createdBy: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    usedByDevice: z.string().nullable(),
  })
  .strict()
export type EnrolmentCode = z.infer<typeof EnrolmentCode>
