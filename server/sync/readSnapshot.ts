import { and, asc, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm'
import { childrenOf, type EntityName, entitiesInSnapshotOrder } from '../../domain/sync/entities'
import type { Scope, ServerRow, SnapshotResponse } from '../../domain/sync/protocol'
import type { ServerDb } from '../context'
import { record } from '../db/schema'
import { HttpError } from '../http/httpError'
import { serverRowOf, storedRecordOf } from './records'
import { readCounter } from './sequence'
import { decodeSnapshotToken, encodeSnapshotToken } from './snapshotToken'

/**
 * A page of a scope's live rows (and the tombstones live rows still point at: a PC's copy must hold
 * every parent its rows name, as one that pulled the deletion does), parents before children
 * (entity rank), then by id. The first page
 * fixes `snapshotSeq` (what had committed then); later pages carry it in their token. A row changed
 * after it may show its newer state, with its newer field versions: the pull after `snapshotSeq`
 * brings the same change again, and a PC keeps whichever version of a field is newer.
 */
export async function readSnapshot(
  db: ServerDb,
  scope: Scope,
  token: string | undefined,
  limit: number,
): Promise<SnapshotResponse> {
  const counter = await readCounter(db)
  const position = token === undefined ? null : decodeSnapshotToken(token)
  if (position && position.scope !== scope) {
    throw new HttpError(400, 'BAD_REQUEST', 'The page token belongs to another scope')
  }
  const snapshotSeq = position?.snapshotSeq ?? counter.seq
  if (snapshotSeq < counter.retainedFrom || snapshotSeq > counter.seq) {
    throw new HttpError(410, 'RESNAPSHOT', 'This snapshot can no longer be continued; start again')
  }
  const startAt = position ? entitiesInSnapshotOrder.indexOf(position.entity as never) : 0
  if (startAt < 0) throw new HttpError(400, 'BAD_REQUEST', 'The page token names an unknown entity')

  const rows: ServerRow[] = []
  let last: { entity: string; id: string } | null = null
  for (const entity of entitiesInSnapshotOrder.slice(startAt)) {
    const remaining = limit - rows.length
    if (remaining === 0) break
    const afterId = position && entity === position.entity ? position.id : null
    const page = await db
      .select()
      .from(record)
      .where(
        and(
          eq(record.scope, scope),
          eq(record.entity, entity),
          shownInSnapshot(entity),
          afterId === null ? undefined : gt(record.id, afterId),
        ),
      )
      .orderBy(asc(record.id))
      .limit(remaining)
    for (const row of page) rows.push(serverRowOf(storedRecordOf(row)))
    const end = page[page.length - 1]
    if (end) last = { entity, id: end.id }
  }
  const next = rows.length === limit && last ? encodeSnapshotToken({ scope, snapshotSeq, ...last }) : null
  return { snapshotSeq, rows, next }
}

/** Live rows, and deleted ones that a live row of the same scope still names as its parent. */
function shownInSnapshot(entity: EntityName): SQL | undefined {
  const children = childrenOf(entity)
  if (children.length === 0) return isNull(record.deletedAt)
  const referenced = children.map(
    (child) => sql`exists (select 1 from ${record} c where c.entity = ${child.entity}
      and c.scope = ${record.scope} and c.deleted_at is null
      and c.values ->> ${child.field} = ${record.id}::text)`,
  )
  return or(isNull(record.deletedAt), ...referenced)
}
