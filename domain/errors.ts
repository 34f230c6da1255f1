import { z } from 'zod'

/** The closed list of error codes a contract call can return. The UI maps each to `errors.<code>`. */
export const ErrorCode = z.enum([
  'VALIDATION',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
  'STALE_VERSION',
  'DUPLICATE',
  'UNTRUSTED_SENDER',
  'UNKNOWN_CALL',
  'PAYLOAD_TOO_LARGE',
  /** The central server cannot be reached (calls that only the server can answer). */
  'OFFLINE',
  /** The server refused the enrolment code (unknown, used or expired). */
  'ENROLMENT_REFUSED',
  /** The server needs a newer version of the app; the PC's saved changes stay untouched. */
  'UPDATE_REQUIRED',
  /** The central server is older than this app (its protocol); IT updates the server first. */
  'SERVER_OUTDATED',
  /** This PC has used up its leased document numbers and cannot reach the server for more. */
  'NUMBERS_EXHAUSTED',
  /** A record cannot be deleted while live records still name it (the leases of an object, say). */
  'HAS_CHILDREN',
  'INTERNAL',
])
export type ErrorCode = z.infer<typeof ErrorCode>

/** How many live records of one kind (an entity name) still name the record a clerk would delete. */
export const ChildCount = z.object({ entity: z.string(), count: z.number().int().positive() }).strict()
export type ChildCount = z.infer<typeof ChildCount>

export const ApiError = z
  .object({
    code: ErrorCode,
    message: z.string(),
    /** Field path (dot-joined) -> i18n key of the message shown next to that field. */
    fields: z.record(z.string(), z.string()).optional(),
    /** HAS_CHILDREN: the records that keep the record from being deleted, by kind. */
    children: z.array(ChildCount).optional(),
  })
  .strict()
export type ApiError = z.infer<typeof ApiError>

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
  children?: readonly ChildCount[],
): Result<T> => ({
  ok: false,
  error: {
    code,
    message,
    ...(fields ? { fields } : {}),
    ...(children && children.length > 0 ? { children: [...children] } : {}),
  },
})

/** Thrown inside the backend and turned into a Result at the boundary; never crosses a process. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly children?: readonly ChildCount[],
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
