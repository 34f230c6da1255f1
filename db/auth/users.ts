import { eq, sql } from 'drizzle-orm'
import type { Department, Role } from '../../domain/auth/roles'
import type { Db } from '../database'
import { localUser } from '../schema'

export interface LocalUser {
  id: string
  username: string
  fullName: string
  role: Role
  departments: Department[]
  passwordHash: string
  mustChangePassword: boolean
  failedAttempts: number
  lockedUntil: string | null
}

function toUser(row: typeof localUser.$inferSelect): LocalUser {
  return { ...row, departments: JSON.parse(row.departments) as Department[] }
}

export function findUserByUsername(db: Db, username: string): LocalUser | null {
  const row = db.select().from(localUser).where(eq(localUser.username, username)).get()
  return row ? toUser(row) : null
}

export function findUserById(db: Db, id: string): LocalUser | null {
  const row = db.select().from(localUser).where(eq(localUser.id, id)).get()
  return row ? toUser(row) : null
}

export function countUsers(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(localUser).get()?.n ?? 0
}

export function insertUser(
  db: Db,
  user: Omit<LocalUser, 'failedAttempts' | 'lockedUntil'>,
  createdAt: string,
): void {
  db.insert(localUser)
    .values({ ...user, departments: JSON.stringify(user.departments), createdAt })
    .run()
}

export function recordFailedSignIn(
  db: Db,
  id: string,
  failedAttempts: number,
  lockedUntil: string | null,
): void {
  db.update(localUser).set({ failedAttempts, lockedUntil }).where(eq(localUser.id, id)).run()
}

export function recordSuccessfulSignIn(db: Db, id: string): void {
  db.update(localUser).set({ failedAttempts: 0, lockedUntil: null }).where(eq(localUser.id, id)).run()
}

export function setPassword(db: Db, id: string, passwordHash: string): void {
  db.update(localUser).set({ passwordHash, mustChangePassword: false }).where(eq(localUser.id, id)).run()
}

/**
 * Keeps the PC's copy of a user the central server has just signed in: their role and memberships
 * as the server says, and a local verifier of the password they typed, so they can sign in on this
 * PC while it is offline.
 */
export function saveServerUser(
  db: Db,
  user: Omit<LocalUser, 'failedAttempts' | 'lockedUntil'>,
  at: string,
): void {
  const values = { ...user, departments: JSON.stringify(user.departments) }
  db.insert(localUser)
    .values({ ...values, createdAt: at, failedAttempts: 0, lockedUntil: null })
    .onConflictDoUpdate({ target: localUser.id, set: { ...values, failedAttempts: 0, lockedUntil: null } })
    .run()
}
