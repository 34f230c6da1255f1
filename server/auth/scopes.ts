import { roleAllows } from '../../domain/auth/roles'
import type { Scope } from '../../domain/sync/protocol'
import type { UserAuth } from '../context'

type Access = Pick<UserAuth, 'role' | 'departments'>

/**
 * Scopes a user may pull: the shared reference data for everyone, and each department they are a
 * member of whose data their role may read. An IT admin's role reads no department, so an IT admin
 * sees no citizen data.
 */
export function readableScopes(user: Access): Scope[] {
  return ['reference', ...user.departments.filter(() => roleAllows(user.role, 'read'))]
}

/** Scopes a user may push to: reference data for IT admins, departments per membership and role. */
export function writableScopes(user: Access): Scope[] {
  const reference: Scope[] = user.role === 'itAdmin' ? ['reference'] : []
  return [...reference, ...user.departments.filter(() => roleAllows(user.role, 'write'))]
}
