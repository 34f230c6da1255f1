import type { LoginResponse } from '../../../domain/sync/protocol'

/** What the sign-in needs from the central server; absent while the PC is not enrolled. */
export interface ServerAccounts {
  isEnrolled(): boolean
  /** Throws a SyncFailure (electron/backend/sync/httpFailure.ts) when the server refuses or is away. */
  login(username: string, password: string): Promise<LoginResponse>
  changePassword(session: string, currentPassword: string, newPassword: string): Promise<void>
  logout(session: string): Promise<void>
  /** The user signed in online: a good moment for a sync round. */
  signedIn(): void
}
