import type { Principal } from '../../../domain/auth/access'
import type { SessionLookup } from '../dispatch'

export interface SessionPrincipal extends Principal {
  mustChangePassword: boolean
}

/** Who is signed in on which window or browser session; held in memory, gone on restart. */
export class SessionStore implements SessionLookup {
  private readonly sessions = new Map<string, SessionPrincipal>()

  principalOf(sessionKey: string): SessionPrincipal | null {
    return this.sessions.get(sessionKey) ?? null
  }

  bind(sessionKey: string, principal: SessionPrincipal): void {
    this.sessions.set(sessionKey, principal)
  }

  end(sessionKey: string): void {
    this.sessions.delete(sessionKey)
  }
}
