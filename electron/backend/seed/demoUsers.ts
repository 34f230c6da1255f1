import { v7 as uuidv7 } from 'uuid'
import { countUsers, insertUser } from '../../../db/auth/users'
import type { Db } from '../../../db/database'
import type { Department, Role } from '../../../domain/auth/roles'
import { hashPassword } from '../auth/passwords'

interface DemoUser {
  username: string
  password: string
  fullName: string
  role: Role
  departments: Department[]
  mustChangePassword: boolean
}

/** The first-run accounts, listed in README.md. The administrator must choose a new password. */
export const demoUsers: readonly DemoUser[] = [
  {
    username: 'admin',
    password: 'Rustavi-Admin-2026',
    fullName: 'ლევან ბერიძე',
    role: 'itAdmin',
    departments: [],
    mustChangePassword: true,
  },
  {
    username: 'clerk',
    password: 'Rustavi-Clerk-2026',
    fullName: 'ნინო კაპანაძე',
    role: 'clerk',
    departments: ['property'],
    mustChangePassword: false,
  },
  {
    username: 'head',
    password: 'Rustavi-Head-2026',
    fullName: 'გიორგი მამულაშვილი',
    role: 'head',
    departments: ['property'],
    mustChangePassword: false,
  },
  {
    username: 'auditor',
    password: 'Rustavi-Auditor-2026',
    fullName: 'თამარ ლომიძე',
    role: 'auditor',
    departments: ['property'],
    mustChangePassword: false,
  },
]

/** Creates the demo accounts on a store that has no users yet. */
export async function seedDemoUsers(db: Db, now: Date): Promise<void> {
  if (countUsers(db) > 0) return
  const hashed = await Promise.all(
    demoUsers.map(async (u) => ({ ...u, passwordHash: await hashPassword(u.password) })),
  )
  db.$client.transaction(() => {
    for (const { password: _p, ...user } of hashed)
      insertUser(db, { ...user, id: uuidv7() }, now.toISOString())
  })()
}
