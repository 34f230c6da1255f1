import { z } from 'zod'
import { Department, Role } from './roles'

export const Username = z
  .string()
  .min(3, 'auth.username.tooShort')
  .max(40, 'validation.tooLong')
  .regex(/^[a-z0-9._-]+$/, 'auth.username.invalid')

/** A new password: long enough to resist guessing, short enough to hash quickly. */
export const NewPassword = z.string().min(10, 'auth.password.tooShort').max(200, 'validation.tooLong')

export const SessionUser = z
  .object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    role: Role,
    departments: z.array(Department),
    mustChangePassword: z.boolean(),
  })
  .strict()
export type SessionUser = z.infer<typeof SessionUser>
