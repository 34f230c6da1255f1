import { and, eq, isNull } from 'drizzle-orm'
import { entitiesOfScope, replicaTable } from '../../../../db/sync/replicaTable'
import type { Scope } from '../../../../domain/sync/protocol'
import type { ServerDb } from '../../../../server/context'
import { record } from '../../../../server/db/schema'
import type { SyncedPc } from '../../../support/syncedPc'

// What a PC and the server hold of a scope, as sorted `entity/id` lists, to compare them whole.

export function localRows(pc: SyncedPc, scope: Scope): string[] {
  const client = pc.backend.db.$client
  const ids: string[] = []
  for (const entity of entitiesOfScope(scope)) {
    const t = replicaTable(client, entity)!
    const filter = t.scope === 'perRow' ? 'AND scope = ?' : ''
    const rows = client
      .prepare(`SELECT id FROM "${t.name}" WHERE deleted_at IS NULL ${filter}`)
      .pluck()
      .all(...(filter ? [scope] : [])) as string[]
    ids.push(...rows.map((id) => `${entity}/${id}`))
  }
  return ids.sort()
}

export async function serverRows(db: ServerDb, scope: Scope): Promise<string[]> {
  const rows = await db
    .select({ entity: record.entity, id: record.id })
    .from(record)
    .where(and(eq(record.scope, scope), isNull(record.deletedAt)))
  return rows.map((r) => `${r.entity}/${r.id}`).sort()
}

/** A record's values as the server holds them (null when it has no such record). */
export async function serverValues(db: ServerDb, id: string): Promise<Record<string, unknown> | null> {
  const [row] = await db.select({ values: record.values }).from(record).where(eq(record.id, id))
  return (row?.values as Record<string, unknown> | undefined) ?? null
}
