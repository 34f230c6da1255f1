import type { Principal } from '../../../domain/auth/access'
import type { SessionLookup } from '../dispatch'

export interface SessionPrincipal extends Principal {
  mustChangePassword: boolean
  /** The user's session on the central server, when they signed in online. */
  serverSession?: string
}

/** Who is signed in on which window or browser session; held in memory, gone on restart. */
export class SessionStore implements SessionLookup {
  private readonly sessions = new Map<string, SessionPrincipal>()
  private latest: string | null = null

  principalOf(sessionKey: string): SessionPrincipal | null {
    return this.sessions.get(sessionKey) ?? null
  }

  bind(sessionKey: string, principal: SessionPrincipal): void {
    this.sessions.set(sessionKey, principal)
    if (principal.serverSession) this.latest = principal.serverSession
  }

  end(sessionKey: string): void {
    const ended = this.sessions.get(sessionKey)?.serverSession
    this.sessions.delete(sessionKey)
    if (ended && ended === this.latest) {
      this.latest = [...this.sessions.values()].findLast((p) => p.serverSession)?.serverSession ?? null
    }
  }

  /** The server session the sync engine pulls with: the user who signed in online most recently. */
  latestServerSession(): string | null {
    return this.latest
  }
}
