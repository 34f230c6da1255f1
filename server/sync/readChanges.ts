import { and, asc, eq, gt, lte } from 'drizzle-orm'
import type { PullResponse, Scope } from '../../domain/sync/protocol'
import type { ServerDb } from '../context'
import { changeLog } from '../db/schema'
import { HttpError } from '../http/httpError'
import { changeEntryOf } from './changeLog'
import { readCounter } from './sequence'

/**
 * A page of a scope's change log after `after`. The page runs to the end of the server transaction
 * its last entry belongs to, so a PC never applies half of one. Only what had committed when the
 * page was read is served (the counter is read first), so the last page's cursor can move on to the
 * counter itself: a quiet scope's cursor stays inside the log's retention.
 */
export async function readChanges(
  db: ServerDb,
  scope: Scope,
  after: number,
  limit: number,
): Promise<PullResponse> {
  const counter = await readCounter(db)
  if (after < counter.retainedFrom) {
    throw new HttpError(410, 'RESNAPSHOT', 'The change log no longer reaches back to this cursor; resnapshot')
  }
  if (after > counter.seq) {
    throw new HttpError(410, 'RESNAPSHOT', 'The cursor is ahead of the server (it was restored); resnapshot')
  }
  const inScope = (from: number) =>
    and(eq(changeLog.scope, scope), gt(changeLog.seq, from), lte(changeLog.seq, counter.seq))
  const rows = await db
    .select()
    .from(changeLog)
    .where(inScope(after))
    .orderBy(asc(changeLog.seq))
    .limit(limit + 1)
  if (rows.length <= limit) {
    return { changes: rows.map(changeEntryOf), next: counter.seq, hasMore: false }
  }
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]!
  const rest = await db
    .select()
    .from(changeLog)
    .where(and(inScope(last.seq), eq(changeLog.txSeq, last.txSeq)))
    .orderBy(asc(changeLog.seq))
  page.push(...rest)
  const end = page[page.length - 1]!.seq
  const [more] = await db.select({ seq: changeLog.seq }).from(changeLog).where(inScope(end)).limit(1)
  return { changes: page.map(changeEntryOf), next: more ? end : counter.seq, hasMore: more !== undefined }
}
