import type { SyncDataErrorCode } from '../../../db/sync/syncDataError'
import type { ServerErrorCode } from '../../../domain/sync/protocol'

/** Why a request to the server failed: the server's own codes, or what went wrong on the way. */
export type SyncErrorCode =
  | ServerErrorCode
  | 'NETWORK' // no connection, refused, reset
  | 'TIMEOUT'
  | 'BAD_RESPONSE' // not our server's JSON (a captive portal's login page, a proxy's error page)
  | 'SERVER_OUTDATED' // a 426 from a server whose newest protocol is older than this PC's
  | SyncDataErrorCode // the PC refused what it got, or its own outbox (db/sync/syncDataError.ts)

const retryable = new Set<SyncErrorCode>([
  'NETWORK',
  'TIMEOUT',
  'UNAVAILABLE',
  'RATE_LIMITED',
  'INTERNAL',
  'BAD_RESPONSE',
  // The server may be updated at any time: the PC keeps asking, at the backoff's pace.
  'SERVER_OUTDATED',
])

export class SyncFailure extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly status: number | null = null,
    /** For SEQUENCE_GAP: the device sequence number the server expects next. */
    readonly expected: number | null = null,
  ) {
    super(message)
    this.name = 'SyncFailure'
  }

  /** Worth trying again later by itself (the network or the server may come back). */
  get retryable(): boolean {
    return retryable.has(this.code)
  }

  /** The i18n key the status line shows. */
  get messageKey(): string {
    return `sync.error.${this.code}`
  }
}
