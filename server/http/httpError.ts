import type { ServerErrorCode } from '../../domain/sync/protocol'

/**
 * What a handler throws to answer with an error: the app's error handler turns it into
 * `{ error: { code, message }, ...extra }` with `status` (e.g. a 409 SEQUENCE_GAP with `expected`).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly extra?: Record<string, unknown>,
    /** Extra response headers, such as Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export const unauthenticated = (message = 'Missing, unknown or revoked credentials') =>
  new HttpError(401, 'UNAUTHENTICATED', message)
export const forbidden = (message = 'Not allowed') => new HttpError(403, 'FORBIDDEN', message)
export const notFound = (message = 'Not found') => new HttpError(404, 'NOT_FOUND', message)
