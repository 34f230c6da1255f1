import { countUsers, insertUser } from '../../../db/auth/users'
import type { Db } from '../../../db/database'
import { demoUsers } from '../../../domain/auth/demoUsers'
import { hashPassword } from '../auth/passwords'

/** Creates the demo accounts on a store that has no users yet. */
export async function seedDemoUsers(db: Db, now: Date): Promise<void> {
  if (countUsers(db) > 0) return
  const hashed = await Promise.all(
    demoUsers.map(async (u) => ({ ...u, passwordHash: await hashPassword(u.password) })),
  )
  db.$client.transaction(() => {
    for (const { password: _p, ...user } of hashed) insertUser(db, user, now.toISOString())
  })()
}
