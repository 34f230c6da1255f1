import type { Db } from '../../db/database'
import type { Department } from '../../domain/auth/roles'

/**
 * Makes a local user a member of a department the demo users are not in: call before
 * the user signs in, as the session takes the departments at sign-in.
 */
export function joinDepartment(db: Db, username: string, department: Department): void {
  const client = db.$client
  const current = client
    .prepare('SELECT departments FROM local_user WHERE username = ?')
    .pluck()
    .get(username)
  if (typeof current !== 'string') throw new Error(`no local user ${username}`)
  const departments = JSON.parse(current) as string[]
  if (!departments.includes(department)) departments.push(department)
  client
    .prepare('UPDATE local_user SET departments = ? WHERE username = ?')
    .run(JSON.stringify(departments), username)
}
