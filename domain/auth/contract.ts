import { z } from 'zod'
import { defineCalls } from '../contract'
import { publicAccess, signedIn } from './access'
import { NewPassword, SessionUser, Username } from './schemas'

export const authCalls = defineCalls({
  signIn: {
    input: z.object({ username: Username, password: z.string().min(1).max(200) }).strict(),
    output: SessionUser,
    access: publicAccess,
  },
  signOut: { input: z.object({}).strict(), output: z.object({}).strict(), access: signedIn },
  /** The signed-in user, or null: lets the UI restore a session after a reload. */
  session: { input: z.object({}).strict(), output: SessionUser.nullable(), access: publicAccess },
  changePassword: {
    input: z
      .object({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword })
      .strict()
      .refine((v) => v.currentPassword !== v.newPassword, {
        path: ['newPassword'],
        message: 'auth.password.mustDiffer',
      }),
    output: SessionUser,
    access: signedIn,
  },
})
