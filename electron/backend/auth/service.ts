import {
  findUserById,
  findUserByUsername,
  type LocalUser,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  setPassword,
} from '../../../db/auth/users'
import type { Db } from '../../../db/database'
import type { authCalls } from '../../../domain/auth/contract'
import type { SessionUser } from '../../../domain/auth/schemas'
import { DomainError } from '../../../domain/errors'
import type { Handlers } from '../dispatch'
import { hashPassword, verifyPassword } from './passwords'
import type { SessionStore } from './sessions'

const maxFailedAttempts = 5
const lockMinutes = 15

// Verified against when the username is unknown, so a wrong username costs as long as a wrong password.
const decoyHash = hashPassword('decoy password never used')

export function authService(
  db: Db,
  sessions: SessionStore,
  now: () => Date,
): Handlers<{ auth: typeof authCalls }>['auth'] {
  const toSessionUser = (u: LocalUser): SessionUser => ({
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    departments: u.departments,
    mustChangePassword: u.mustChangePassword,
  })
  const bind = (sessionKey: string, u: LocalUser) =>
    sessions.bind(sessionKey, {
      userId: u.id,
      userName: u.fullName,
      role: u.role,
      departments: u.departments,
      mustChangePassword: u.mustChangePassword,
    })

  return {
    async signIn({ username, password }, { sessionKey }) {
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
      return toSessionUser(user)
    },

    signOut(_input, { sessionKey }) {
      sessions.end(sessionKey)
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
      setPassword(db, user.id, await hashPassword(newPassword))
      const updated = { ...user, mustChangePassword: false }
      bind(sessionKey, updated)
      return toSessionUser(updated)
    },
  }
}
