import { z } from 'zod'
import { signedIn } from '../auth/access'
import { defineCalls } from '../contract'

export const SyncStatus = z
  .object({
    /** Changes saved on this PC that the central server has not acknowledged yet. */
    pendingChanges: z.number().int().nonnegative(),
    deviceId: z.string(),
  })
  .strict()

export const systemCalls = defineCalls({
  syncStatus: { input: z.object({}).strict(), output: SyncStatus, access: signedIn },
})
