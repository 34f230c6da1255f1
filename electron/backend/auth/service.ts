import {
  findUserById,
  findUserByUsername,
  type LocalUser,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  saveServerUser,
  setPassword,
} from '../../../db/auth/users'
import type { Db } from '../../../db/database'
import type { authCalls } from '../../../domain/auth/contract'
import type { SessionUser } from '../../../domain/auth/schemas'
import { DomainError } from '../../../domain/errors'
import type { Handlers } from '../dispatch'
import { SyncFailure } from '../sync/httpFailure'
import { hashPassword, verifyPassword } from './passwords'
import type { ServerAccounts } from './serverAccounts'
import type { SessionStore } from './sessions'

const maxFailedAttempts = 5
const lockMinutes = 15

// Verified against when the username is unknown, so a wrong username costs as long as a wrong password.
const decoyHash = hashPassword('decoy password never used')

/** Failures that mean "the server is not there": sign in against this PC's verifier instead. */
// An outdated server cannot check a password either: the local verifier decides, as offline.
const offlineCodes = new Set([
  'NETWORK',
  'TIMEOUT',
  'UNAVAILABLE',
  'BAD_RESPONSE',
  'INTERNAL',
  'SERVER_OUTDATED',
])

/**
 * Sign-in. On an enrolled PC the central server decides (and this PC keeps a verifier of the
 * password, so the same user can sign in while offline); when the server cannot be reached, or on a
 * PC that works alone, the local verifier decides, with a lockout after repeated failures.
 */
export interface AuthService {
  handlers: Handlers<{ auth: typeof authCalls }>['auth']
  /**
   * Users who signed in against this PC's verifier while the server was away get a server session
   * once it answers, so the PC pulls again without their signing in a second time. Their password
   * waits in memory only (never on disk) until then, or until they sign out.
   */
  completeOfflineSignIns(): Promise<void>
}

export function authService(
  db: Db,
  sessions: SessionStore,
  now: () => Date,
  server: ServerAccounts | null = null,
): AuthService {
  /** Session key -> the credentials of an offline sign-in the server has not confirmed yet. */
  const offlineSignIns = new Map<string, { username: string; password: string }>()
  const toSessionUser = (u: LocalUser): SessionUser => ({
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    departments: u.departments,
    mustChangePassword: u.mustChangePassword,
  })
  const bind = (sessionKey: string, u: LocalUser, serverSession?: string) =>
    sessions.bind(sessionKey, {
      userId: u.id,
      userName: u.fullName,
      role: u.role,
      departments: u.departments,
      mustChangePassword: u.mustChangePassword,
      ...(serverSession ? { serverSession } : {}),
    })

  /** The server's answer, or null when it cannot be reached (then the local verifier decides). */
  const signInOnline = async (username: string, password: string, sessionKey: string) => {
    if (!server?.isEnrolled()) return null
    let answer: Awaited<ReturnType<ServerAccounts['login']>>
    try {
      answer = await server.login(username, password)
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error
      if (offlineCodes.has(error.code)) return null
      if (error.code === 'RATE_LIMITED') throw new DomainError('ACCOUNT_LOCKED', 'Too many failed attempts')
      if (error.code === 'UPDATE_REQUIRED') throw new DomainError('UPDATE_REQUIRED', error.message)
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password')
    }
    return adoptServerLogin(answer, password, sessionKey)
  }

  /** The server's sign-in answer: the user's verifier and roles kept here, the session bound. */
  const adoptServerLogin = async (
    answer: Awaited<ReturnType<ServerAccounts['login']>>,
    password: string,
    sessionKey: string,
  ) => {
    const user: LocalUser = {
      id: answer.user.id,
      username: answer.user.username,
      fullName: answer.user.displayName,
      role: answer.user.role,
      departments: answer.user.departments,
      mustChangePassword: answer.user.mustChangePassword,
      passwordHash: await hashPassword(password),
      failedAttempts: 0,
      lockedUntil: null,
    }
    saveServerUser(db, user, now().toISOString())
    bind(sessionKey, user, answer.sessionToken)
    server?.signedIn()
    return toSessionUser(user)
  }

  const completeOfflineSignIns = async () => {
    if (!server?.isEnrolled()) return
    for (const [sessionKey, { username, password }] of [...offlineSignIns]) {
      const principal = sessions.principalOf(sessionKey)
      if (!principal) {
        offlineSignIns.delete(sessionKey)
        continue
      }
      let answer: Awaited<ReturnType<ServerAccounts['login']>>
      try {
        answer = await server.login(username, password)
      } catch (error) {
        // Still away: next time. Refused (the password changed on the server, the account was
        // deactivated): the session stays this PC's alone until the user signs in again.
        if (error instanceof SyncFailure && offlineCodes.has(error.code)) return
        offlineSignIns.delete(sessionKey)
        continue
      }
      offlineSignIns.delete(sessionKey)
      // Signed out (or in as someone else) while the answer was on its way: that server session ends.
      if (sessions.principalOf(sessionKey)?.userId !== answer.user.id) {
        await server.logout(answer.sessionToken).catch(() => undefined)
        continue
      }
      await adoptServerLogin(answer, password, sessionKey)
    }
  }

  const handlers: AuthService['handlers'] = {
    async signIn({ username, password }, { sessionKey }) {
      offlineSignIns.delete(sessionKey)
      const online = await signInOnline(username, password, sessionKey)
      if (online) return online
      const user = findUserByUsername(db, username)
      if (!user) {
        await verifyPassword(password, await decoyHash)
        throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password')
      }
      if (user.lockedUntil && user.lockedUntil > now().toISOString()) {
        throw new DomainError('ACCOUNT_LOCKED', 'Too many failed attempts; try again later')
      }
      if (!(await verifyPassword(password, user.passwordHash))) {
        const attempts = user.failedAttempts + 1
        const locked =
          attempts >= maxFailedAttempts
            ? new Date(now().getTime() + lockMinutes * 60_000).toISOString()
            : null
        recordFailedSignIn(db, user.id, locked ? 0 : attempts, locked)
        throw new DomainError(locked ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS', 'Wrong username or password')
      }
      recordSuccessfulSignIn(db, user.id)
      bind(sessionKey, user)
      if (server?.isEnrolled()) offlineSignIns.set(sessionKey, { username, password })
      return toSessionUser(user)
    },

    async signOut(_input, { sessionKey }) {
      offlineSignIns.delete(sessionKey)
      const serverSession = sessions.principalOf(sessionKey)?.serverSession
      sessions.end(sessionKey)
      // The server forgets the session too; offline, it expires there by itself.
      if (serverSession && server) await server.logout(serverSession).catch(() => undefined)
      return {}
    },

    session(_input, { principal }) {
      if (!principal) return null
      const user = findUserById(db, principal.userId)
      return user ? toSessionUser(user) : null
    },

    async changePassword({ currentPassword, newPassword }, { principal, sessionKey }) {
      const user = principal ? findUserById(db, principal.userId) : null
      if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first')
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        throw new DomainError('VALIDATION', 'The current password is wrong', {
          currentPassword: 'auth.password.currentWrong',
        })
      }
      // A user the server knows changes the password there (it holds the truth for every PC).
      const serverSession = sessions.principalOf(sessionKey)?.serverSession
      if (server?.isEnrolled()) {
        if (!serverSession) throw new DomainError('OFFLINE', 'Changing the password needs the server')
        try {
          await server.changePassword(serverSession, currentPassword, newPassword)
        } catch (error) {
          if (!(error instanceof SyncFailure)) throw error
          if (offlineCodes.has(error.code)) throw new DomainError('OFFLINE', error.message)
          throw new DomainError('VALIDATION', error.message, {
            currentPassword: 'auth.password.currentWrong',
          })
        }
      }
      setPassword(db, user.id, await hashPassword(newPassword))
      const updated = { ...user, mustChangePassword: false }
      bind(sessionKey, updated, serverSession)
      return toSessionUser(updated)
    },
  }
  return { handlers, completeOfflineSignIns }
}
