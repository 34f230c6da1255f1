/** Why the PC refused to take a server page or to change its sync state; nothing was changed. */
export type SyncDataErrorCode = 'BAD_PAGE' | 'PENDING_CHANGES' | 'INVALID_OUTBOX' | 'NUMBERS_EXHAUSTED'

export class SyncDataError extends Error {
  constructor(
    readonly code: SyncDataErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'SyncDataError'
  }
}
