import { z } from 'zod'
import { Scope } from '../../domain/sync/protocol'
import { HttpError } from '../http/httpError'

/**
 * Where a snapshot stands: the change-log position it started at and the last row sent (by
 * snapshot order). It is all in the token, so a PC killed mid-bootstrap resumes with it after a
 * restart, on any server instance.
 */
export const SnapshotPosition = z
  .object({
    scope: Scope,
    snapshotSeq: z.number().int().nonnegative(),
    entity: z.string().max(64),
    id: z.uuid(),
  })
  .strict()
export type SnapshotPosition = z.infer<typeof SnapshotPosition>

export const encodeSnapshotToken = (position: SnapshotPosition): string =>
  Buffer.from(JSON.stringify(position), 'utf8').toString('base64url')

export function decodeSnapshotToken(token: string): SnapshotPosition {
  try {
    return SnapshotPosition.parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')))
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'The snapshot page token is not valid')
  }
}
