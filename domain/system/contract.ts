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

/** A printed document's file name, without folder or extension: letters, digits, spaces, '.', '-', '_'. */
export const DocumentFileName = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u, 'validation.invalidFormat')

export const systemCalls = defineCalls({
  syncStatus: { input: z.object({}).strict(), output: SyncStatus, access: signedIn },
  /**
   * The desktop app prints the calling window's document view to an A4 PDF, saves it and opens it
   * for printing; the web host has no such call (the browser prints with window.print()).
   */
  printToPdf: {
    input: z.object({ fileName: DocumentFileName }).strict(),
    output: z.object({ path: z.string() }).strict(),
    access: signedIn,
  },
})
