import { sql } from 'drizzle-orm'
import { v7 as uuidv7 } from 'uuid'
import { demoPropertyRows } from '../../domain/property/demoData'
import { initialTerritorialUnits } from '../../domain/reference/rustaviUnits'
import { entities, fullRowSchema, type RowValues } from '../../domain/sync/entities'
import type { ServerDb } from '../../server/context'
import { serverHlc } from '../../server/sync/serverClock'

/** Rows per statement: one JSON parameter of a few megabytes, expanded by PostgreSQL itself. */
const CHUNK = 5_000

export interface LoadResult {
  rows: number
  objects: number
  ms: number
  byEntity: Record<string, number>
  lastSeq: number
}

/**
 * Puts `rows` rows of the demo property registry (domain/property/demoData.ts: objects with their
 * cadastral codes, leases and payments) into the server database the way server/seed/demoProperty.ts
 * leaves them (a `record` with field meta, its unique keys and one `put` in the change log each,
 * under the counter), but set-based: each chunk is one INSERT ... SELECT over a JSON array, in its
 * own transaction (one server transaction per chunk).
 * Ends with VACUUM ANALYZE, as a settled server would have its statistics.
 */
export async function loadPropertyDepartment(
  db: ServerDb,
  options: { rows: number; seed?: number; today: Date },
): Promise<LoadResult> {
  const start = performance.now()
  const at = options.today
  const hlc = serverHlc(at)
  const unitIds = initialTerritorialUnits.map((u) => u.id)
  const byEntity: Record<string, number> = {}
  let written = 0
  let objects = 0
  let lastSeq = 0
  let chunk: { entity: string; id: string; values: RowValues; keys: [string, string][] }[] = []

  const flush = async () => {
    if (chunk.length === 0) return
    const rows = chunk
    chunk = []
    lastSeq = await db.transaction(async (tx) => {
      const locked = await tx.execute(sql`
        INSERT INTO sync_counter (id, seq, retained_from) VALUES (1, 0, 0)
        ON CONFLICT (id) DO UPDATE SET seq = sync_counter.seq RETURNING seq`)
      const base = Number(rowsOf<{ seq: string | number }>(locked)[0]!.seq)
      const json = JSON.stringify(rows)
      await tx.execute(sql`
        WITH input AS (
          SELECT (${base}::bigint + n) AS seq, r->>'entity' AS entity, (r->>'id')::uuid AS id,
                 r->'values' AS values, r->'keys' AS keys
          FROM jsonb_array_elements(${json}::jsonb) WITH ORDINALITY AS t(r, n)
        ), records AS (
          INSERT INTO record (entity, id, scope, values, field_meta, row_seq, created_seq)
          SELECT entity, id, 'property', values,
                 jsonb_build_object('*', jsonb_build_object('seq', seq, 'hlc', ${hlc}::text, 'device', null, 'by', null)),
                 seq, seq
          FROM input
        ), keys AS (
          INSERT INTO unique_key (entity, key, value, row_id)
          SELECT entity, k->>0, k->>1, id FROM input, jsonb_array_elements(keys) AS k
        )
        INSERT INTO change_log (seq, tx_seq, scope, entity, row_id, op, values, field_versions, at)
        SELECT seq, ${base + 1}, 'property', entity, id, 'put', values, jsonb_build_object('*', seq), ${at.toISOString()}::timestamptz
        FROM input`)
      await tx.execute(sql`UPDATE sync_counter SET seq = seq + ${rows.length} WHERE id = 1`)
      return base + rows.length
    })
  }

  const groups = demoPropertyRows(unitIds, {
    objects: Number.MAX_SAFE_INTEGER,
    today: at,
    seed: options.seed,
    newId: uuidv7,
  })
  for (const group of groups) {
    if (written >= options.rows) break
    objects += 1
    for (const row of group.slice(0, options.rows - written)) {
      const values = fullRowSchema(row.entity).parse(row.values)
      const keys = entities[row.entity].uniqueKeys.flatMap((key): [string, string][] => {
        const value = values[key.field]
        if (value === null || value === undefined || (key.when && !key.when(values))) return []
        return [[key.field, String(value)]]
      })
      chunk.push({ entity: row.entity, id: row.id, values, keys })
      byEntity[row.entity] = (byEntity[row.entity] ?? 0) + 1
      written += 1
    }
    if (chunk.length >= CHUNK) await flush()
  }
  await flush()
  await db.execute(sql`VACUUM ANALYZE record`)
  await db.execute(sql`VACUUM ANALYZE change_log`)
  await db.execute(sql`VACUUM ANALYZE unique_key`)
  return { rows: written, objects, ms: performance.now() - start, byEntity, lastSeq }
}

/** node-postgres answers `{ rows }`, PGlite's drizzle driver too; both are read the same way. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}
