import Database from 'better-sqlite3'
import { asc, getTableColumns } from 'drizzle-orm'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { replicatedTables } from '../../db/replicatedTables'
import { parseFieldVersions } from '../../db/sync/fieldVersions'
import type { FieldMetaMap } from '../../domain/sync/merge'
import type { FieldValue, FieldVersions } from '../../domain/sync/protocol'
import { changeLog, mutationLog, numberLease, record, serverMeta } from '../../server/db/schema'
import type { ServerDatabase } from '../../server/db/serverDatabase'

// What the checker compares, read straight from the stores after the run: the server's PGlite data
// folder through its drizzle schema, and each PC's SQLite file. Nothing goes through the code under
// test, so a bug in a sync route cannot hide itself from the check.

export const rowKey = (entity: string, id: string) => `${entity}/${id}`

export interface ServerRecordView {
  entity: string
  id: string
  scope: string
  values: Record<string, FieldValue>
  meta: FieldMetaMap
  deletedAt: string | null
}

export interface ChangeView {
  seq: number
  entity: string
  rowId: string
  op: string
  values: Record<string, FieldValue>
  originDevice: string | null
  originMutation: string | null
}

export interface MutationLogView {
  mutationId: string
  deviceId: string
  status: string
  seqFrom: number | null
  reason: string | null
}

export interface ServerView {
  records: Map<string, ServerRecordView>
  changes: ChangeView[]
  mutations: Map<string, MutationLogView>
  leases: { series: string; department: string; year: number; from: number; to: number; deviceId: string }[]
  generation: string | null
  /** The change-log position of the last restore from a backup (null: never restored). */
  restoredAtSeq: number | null
}

/** The server's state as the checker needs it, from a database the server node opens (and this closes). */
export async function readServerView(database: ServerDatabase): Promise<ServerView> {
  try {
    const { db } = database
    const records = new Map<string, ServerRecordView>()
    for (const r of await db.select().from(record)) {
      records.set(rowKey(r.entity, r.id), {
        entity: r.entity,
        id: r.id,
        scope: r.scope,
        values: r.values as Record<string, FieldValue>,
        meta: r.fieldMeta as FieldMetaMap,
        deletedAt: r.deletedAt?.toISOString() ?? null,
      })
    }
    const changes = (await db.select().from(changeLog).orderBy(asc(changeLog.seq))).map((c) => ({
      seq: c.seq,
      entity: c.entity,
      rowId: c.rowId,
      op: c.op,
      values: c.values as Record<string, FieldValue>,
      originDevice: c.originDevice,
      originMutation: c.originMutation,
    }))
    const mutations = new Map<string, MutationLogView>()
    for (const m of await db.select().from(mutationLog)) {
      const result = m.result as { reason?: string }
      mutations.set(m.mutationId, {
        mutationId: m.mutationId,
        deviceId: m.deviceId,
        status: m.status,
        seqFrom: m.seqFrom,
        reason: result.reason ?? null,
      })
    }
    const leases = (await db.select().from(numberLease)).map((l) => ({
      series: l.series,
      department: l.department,
      year: l.year,
      from: l.from,
      to: l.to,
      deviceId: l.deviceId,
    }))
    const [meta] = await db.select().from(serverMeta)
    return {
      records,
      changes,
      mutations,
      leases,
      generation: meta?.generation ?? null,
      restoredAtSeq: meta?.restoredAtSeq ?? null,
    }
  } finally {
    await database.close()
  }
}

export interface PcRowView {
  values: Record<string, unknown>
  deletedAt: string | null
  fieldVersions: FieldVersions
}

export interface PcView {
  rows: Map<string, PcRowView>
  /** Mutation ids in the needs-attention list (sync_rejected). */
  rejected: Set<string>
  outbox: Set<string>
}

export function readPcView(file: string): PcView {
  const client = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const rows = new Map<string, PcRowView>()
    for (const [entity, { table }] of Object.entries(replicatedTables)) {
      const columns = Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name])
      for (const raw of client.prepare(`SELECT * FROM "${getTableConfig(table).name}"`).all() as Record<
        string,
        unknown
      >[]) {
        const values: Record<string, unknown> = {}
        for (const [key, name] of columns) values[key!] = raw[name!]
        rows.set(rowKey(entity, String(values.id)), {
          values,
          deletedAt: (values.deletedAt as string | null) ?? null,
          fieldVersions: parseFieldVersions(values.fieldVersions),
        })
      }
    }
    const ids = (sql: string) => new Set(client.prepare(sql).pluck().all() as string[])
    return {
      rows,
      rejected: ids('SELECT mutation_id FROM sync_rejected'),
      outbox: ids('SELECT mutation_id FROM outbox'),
    }
  } finally {
    client.close()
  }
}
