import { z } from 'zod'

/** Roles of DESIGN.md section 6. */
export const Role = z.enum(['clerk', 'head', 'auditor', 'itAdmin'])
export type Role = z.infer<typeof Role>

/** Department scopes a user may be a member of; the shared reference scope needs no membership. */
export const Department = z.enum([
  'property',
  'sanitation',
  'kindergartens',
  'budget',
  'eservices',
  'academy',
])
export type Department = z.infer<typeof Department>

export const Action = z.enum(['read', 'write', 'delete', 'report', 'approve'])
export type Action = z.infer<typeof Action>

const actionsByRole: Record<Role, readonly Action[]> = {
  clerk: ['read', 'write', 'delete'],
  head: ['read', 'write', 'delete', 'report', 'approve'],
  auditor: ['read', 'report'],
  // IT sees citizen data only where it is also a member of the department (DESIGN.md section 6).
  itAdmin: ['read'],
}

export function roleAllows(role: Role, action: Action): boolean {
  return actionsByRole[role].includes(action)
}
