import { z } from 'zod'
import { adminOnly } from '../auth/access'
import { Department, Role } from '../auth/roles'
import { NewPassword, Username } from '../auth/schemas'
import { defineCalls } from '../contract'
import { AdminDevice, AdminUser, EnrolmentCode } from '../sync/contract'

const empty = z.object({}).strict()
const Id = z.string().max(64)

/** IT's screens: users, roles, memberships, enrolment codes and devices; all answered by the server. */
export const adminCalls = defineCalls({
  listUsers: { input: empty, output: z.array(AdminUser), access: adminOnly },
  createUser: {
    input: z
      .object({
        username: Username,
        displayName: z.string().min(1, 'validation.required').max(200, 'validation.tooLong'),
        role: Role,
        departments: z.array(Department).max(6),
        /** The first password; the user must change it at first sign-in. */
        password: NewPassword,
      })
      .strict(),
    output: AdminUser,
    access: adminOnly,
  },
  updateUser: {
    input: z
      .object({
        id: Id,
        displayName: z.string().min(1, 'validation.required').max(200, 'validation.tooLong').optional(),
        role: Role.optional(),
        departments: z.array(Department).max(6).optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: AdminUser,
    access: adminOnly,
  },
  resetPassword: {
    input: z.object({ id: Id, password: NewPassword }).strict(),
    output: AdminUser,
    access: adminOnly,
  },
  listDevices: { input: empty, output: z.array(AdminDevice), access: adminOnly },
  revokeDevice: { input: z.object({ id: Id }).strict(), output: AdminDevice, access: adminOnly },
  listEnrolmentCodes: { input: empty, output: z.array(EnrolmentCode), access: adminOnly },
  createEnrolmentCode: { input: empty, output: EnrolmentCode, access: adminOnly },
})
