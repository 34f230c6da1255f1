import type { Action, Department, Role } from './roles'
import { roleAllows } from './roles'

/** Who may make a contract call. */
export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'admin' }
  | { kind: 'department'; department: Department; action: Action }

export const publicAccess: Access = { kind: 'public' }
export const signedIn: Access = { kind: 'signedIn' }
export const adminOnly: Access = { kind: 'admin' }
export const inDepartment = (department: Department, action: Action): Access => ({
  kind: 'department',
  department,
  action,
})

export interface Principal {
  userId: string
  /** Shown in record histories. */
  userName: string
  role: Role
  departments: readonly Department[]
}

/** The one decision every call goes through; the backend checks it, the UI only mirrors it. */
export function isAllowed(access: Access, principal: Principal | null): boolean {
  switch (access.kind) {
    case 'public':
      return true
    case 'signedIn':
      return principal !== null
    case 'admin':
      return principal?.role === 'itAdmin'
    case 'department':
      if (!principal) return false
      return principal.departments.includes(access.department) && roleAllows(principal.role, access.action)
  }
}
