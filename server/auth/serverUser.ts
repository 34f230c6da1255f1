import { Department, Role } from '../../domain/auth/roles'
import type { ServerUser } from '../../domain/sync/protocol'
import type { users } from '../db/schema'

type UserRow = typeof users.$inferSelect

/** A user row as the PC sees it after signing in. */
export function toServerUser(row: UserRow): ServerUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: Role.parse(row.role),
    departments: knownDepartments(row.departments),
    mustChangePassword: row.mustChangePassword,
  }
}

export function knownDepartments(values: readonly string[]): Department[] {
  return values.flatMap((value) => {
    const parsed = Department.safeParse(value)
    return parsed.success ? [parsed.data] : []
  })
}
