import { z } from 'zod'
import { ConflictKind } from './contract'
import { FieldValue, Scope } from './protocol'

// A conflict is itself a replicated record (entity `syncConflict`) in the scope it concerns, so PCs
// pull it like any row and a head can decide it offline. One side is the value the record has, the
// other the value that did not make it; both are JSON text, since a conflict can be about a field of
// any type (as db/schema/syncConflict.ts stores them).

const IsoTime = z.iso.datetime({ offset: true })

const JsonValueText = z
  .string()
  .max(100_000)
  .refine((text) => {
    try {
      return FieldValue.safeParse(JSON.parse(text)).success
    } catch {
      return false
    }
  }, 'validation.invalidFormat')

export const SyncConflictRow = z
  .object({
    scope: Scope,
    kind: ConflictKind,
    entity: z.string().regex(/^[a-z][A-Za-z]{1,63}$/),
    rowId: z.uuid(),
    /** Null when the conflict is about the whole row (a change routed after a revoked permission). */
    field: z.string().max(64).nullable(),
    /** JSON of a field value. */
    currentValue: JsonValueText,
    currentUserName: z.string().max(200),
    currentDeviceId: z.string().max(64).nullable(),
    /** The computer's name as IT enrolled it (absent on conflicts recorded before names were kept). */
    currentDeviceName: z.string().max(200).nullable().optional(),
    currentAt: IsoTime,
    otherValue: JsonValueText,
    otherUserName: z.string().max(200),
    otherDeviceId: z.string().max(64).nullable(),
    otherDeviceName: z.string().max(200).nullable().optional(),
    otherAt: IsoTime,
    status: z.enum(['open', 'resolved']),
    resolvedBy: z.string().max(200).nullable(),
    resolvedAt: IsoTime.nullable(),
  })
  .strict()
export type SyncConflictRow = z.infer<typeof SyncConflictRow>

/**
 * The fields a head may change: the decision (the chosen value itself travels as an ordinary edit of
 * the record). The server writes the deciding user's name into `resolvedBy`, whatever the PC sent.
 */
export const conflictDecisionFields = ['status', 'resolvedBy', 'resolvedAt'] as const

/** A resolved conflict says who decided and when; an open one says neither. */
export function checkConflictRow(row: SyncConflictRow, ctx: z.RefinementCtx): void {
  const decided = row.resolvedBy !== null && row.resolvedAt !== null
  const undecided = row.resolvedBy === null && row.resolvedAt === null
  if (row.status === 'resolved' ? !decided : !undecided) {
    ctx.addIssue({ code: 'custom', path: ['status'], message: 'sync.conflict.decisionIncomplete' })
  }
}

/** A field value as the JSON text a conflict row keeps. */
export const conflictValueText = (value: FieldValue): string => JSON.stringify(value)
