import { type SQL, sql } from 'drizzle-orm'
import type { ChildCount } from '../../domain/errors'
import { childrenOf, entities, isEntityName } from '../../domain/sync/entities'
import type { ServerRecord } from '../../domain/sync/merge'
import type { Mutation, Scope } from '../../domain/sync/protocol'
import { type mutationLog, record, uniqueKey } from '../db/schema'
import { parentValue } from '../db/schema/parentIndexes'
import type { NewChange } from './changeLog'
import { type StoredRecord, storedRecordOf } from './records'
import type { SyncTx } from './syncTx'

type MutationLogRow = typeof mutationLog.$inferInsert

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// Rows per statement: a batch of 500 mutations writes in one statement per table; bigger ones in parts.
const CHUNK = 1000

const rowKey = (entity: string, id: string) => `${entity}\u0000${id}`
const valueKey = (entity: string, key: string, value: string) => `${entity}\u0000${key}\u0000${value}`
// The state kept in memory is what a read back from jsonb would give (no `undefined` fields), so a later
// mutation of the batch sees the row exactly as it would after a round trip through the database.
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

interface RowRef {
  entity: string
  id: string
}
interface ValueRef {
  entity: string
  key: string
  value: string
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}

/**
 * The rows, unique keys and log entries one push batch works on, inside its transaction: read in a
 * few set-based queries before the batch is merged, changed in memory (so each mutation sees the ones
 * before it), and written at the end as multi-row statements. This turns the 5-7 round trips each
 * mutation made while holding the counter lock into about ten per batch. It is only correct while the
 * counter lock is held, as every writer of these tables takes it first.
 */
export class PushBatch {
  /** (entity, id) -> the row as this batch has it; null when the server has no such row. */
  private readonly records = new Map<string, StoredRecord | null>()
  private readonly dirty = new Map<string, StoredRecord>()
  /** Rows whose unique keys are loaded: memory is their truth. Initial copy kept to write the difference. */
  private readonly keysOfRow = new Map<string, Map<string, string>>()
  private readonly keysAtStart = new Map<string, { ref: RowRef; keys: Map<string, string> }>()
  /** Unique value -> row, for the values held by the rows in `keysOfRow`. */
  private readonly holders = new Map<string, string>()
  /** Unique value -> row as the database had it when read (may be stale for rows in `keysOfRow`). */
  private readonly storedHolders = new Map<string, string | null>()
  private readonly changes: NewChange[] = []
  private readonly mutationLogRows: MutationLogRow[] = []

  constructor(private readonly tx: SyncTx) {}

  /** Reads what the batch's mutations will most likely ask for: their rows, parents and unique values. */
  async preload(mutations: readonly Mutation[]): Promise<void> {
    const rows = new Map<string, RowRef>()
    const keyRows = new Map<string, RowRef>()
    const values = new Map<string, ValueRef>()
    const want = (entity: string, id: unknown) => {
      if (typeof id === 'string' && UUID.test(id)) rows.set(rowKey(entity, id), { entity, id })
    }
    for (const m of mutations) {
      want(m.entity, m.rowId)
      if (!isEntityName(m.entity)) continue
      const def = entities[m.entity]
      for (const [field, parentEntity] of Object.entries(def.parents)) want(parentEntity, m.fields[field])
      if (def.uniqueKeys.length === 0 || !UUID.test(m.rowId)) continue
      keyRows.set(rowKey(m.entity, m.rowId), { entity: m.entity, id: m.rowId })
      for (const key of def.uniqueKeys) {
        const value = m.fields[key.field]
        if (value === null || value === undefined) continue
        const ref = { entity: m.entity, key: key.field, value: String(value) }
        values.set(valueKey(ref.entity, ref.key, ref.value), ref)
      }
    }
    await this.loadRecords([...rows.values()])
    await this.loadKeysOfRows([...keyRows.values()])
    await this.loadHolders([...values.values()])
  }

  async record(entity: string, id: string): Promise<StoredRecord | null> {
    const key = rowKey(entity, id)
    if (!this.records.has(key)) await this.loadRecords([{ entity, id }])
    return this.records.get(key) ?? null
  }

  /** Records a row's new state; `seq` is the change that made it (as records.ts saveRecord). */
  saveRecord(
    entity: string,
    id: string,
    scope: Scope,
    state: ServerRecord,
    seq: number,
    existing: StoredRecord | null,
  ): void {
    const key = rowKey(entity, id)
    const before = this.records.get(key) ?? existing
    const saved: StoredRecord = {
      entity,
      id,
      scope,
      values: asStored(state.values),
      meta: asStored(state.meta),
      deletedAt: state.deletedAt,
      deletedSeq: state.deletedAt === null ? null : (existing?.deletedSeq ?? seq),
      rowSeq: seq,
      createdSeq: before?.createdSeq ?? seq,
    }
    this.records.set(key, saved)
    this.dirty.set(key, saved)
  }

  /**
   * The live rows naming (entity, id) as their parent (the parents domain/sync/entities.ts declares),
   * by kind: those stored, except rows this batch changed, whose state in memory counts instead.
   */
  async liveChildren(entity: string, id: string): Promise<ChildCount[]> {
    if (!isEntityName(entity)) return []
    const relations = childrenOf(entity)
    if (relations.length === 0) return []
    const counts = new Map<string, number>()
    const kinds = new Set<string>(relations.map((r) => r.entity))
    const changed = [...this.dirty.values()].filter((r) => kinds.has(r.entity))
    // Entity and field as literals: the planner matches them to the partial index of the parent field
    // (server/db/schema/parentIndexes.ts); both come from the entity definitions, never from a PC.
    const names = sql.join(
      relations.map(
        ({ entity: child, field }) =>
          sql`(${record.entity} = ${sql.raw(`'${child}'`)} AND ${parentValue(record.values, field)} = ${id}::text)`,
      ),
      sql` OR `,
    )
    const notChanged =
      changed.length === 0
        ? sql``
        : sql` AND (${record.entity}, ${record.id}) NOT IN (${unnested(
            [changed.map((r) => r.entity), 'text'],
            [changed.map((r) => r.id), 'uuid'],
          )})`
    const stored = await this.tx
      .select({ entity: record.entity, count: sql<number>`count(*)::int` })
      .from(record)
      .where(sql`${record.deletedAt} IS NULL AND (${names})${notChanged}`)
      .groupBy(record.entity)
    for (const row of stored) counts.set(row.entity, Number(row.count))
    for (const row of changed) {
      if (row.deletedAt !== null) continue
      const named = relations.some((r) => r.entity === row.entity && row.values[r.field] === id)
      if (named) counts.set(row.entity, (counts.get(row.entity) ?? 0) + 1)
    }
    return [...counts].filter(([, count]) => count > 0).map(([child, count]) => ({ entity: child, count }))
  }

  appendChange(change: NewChange): void {
    this.changes.push(change)
  }

  logMutation(row: MutationLogRow): void {
    this.mutationLogRows.push(row)
  }

  /** The unique values the row holds now, key -> value. */
  async heldKeys(entity: string, rowId: string): Promise<ReadonlyMap<string, string>> {
    const key = rowKey(entity, rowId)
    if (!this.keysOfRow.has(key)) await this.loadKeysOfRows([{ entity, id: rowId }])
    return this.keysOfRow.get(key) ?? new Map()
  }

  /** The row holding a unique value now, if any. */
  async holderOf(entity: string, key: string, value: string): Promise<string | null> {
    const vk = valueKey(entity, key, value)
    const held = this.holders.get(vk)
    if (held !== undefined) return held
    if (!this.storedHolders.has(vk)) await this.loadHolders([{ entity, key, value }])
    const stored = this.storedHolders.get(vk) ?? null
    // A row whose keys are in memory and does not hold the value there has released it in this batch.
    if (stored === null || this.keysOfRow.has(rowKey(entity, stored))) return null
    return stored
  }

  /** Sets (or with null releases) a row's unique value; call `heldKeys` for the row first. */
  setKey(entity: string, rowId: string, key: string, value: string | null): void {
    const keys = this.keysOfRow.get(rowKey(entity, rowId))
    if (!keys) throw new Error(`The unique keys of ${entity} ${rowId} were not read`)
    const old = keys.get(key)
    if (old !== undefined) {
      this.holders.delete(valueKey(entity, key, old))
      keys.delete(key)
    }
    if (value !== null) {
      keys.set(key, value)
      this.holders.set(valueKey(entity, key, value), rowId)
    }
  }

  /** Writes everything the batch changed, one statement per table and chunk. */
  async flush(): Promise<void> {
    for (const part of chunks([...this.dirty.values()])) {
      await this.tx.execute(sql`${insertRows('record', [
        ['entity', 'text', part.map((r) => r.entity)],
        ['id', 'uuid', part.map((r) => r.id)],
        ['scope', 'text', part.map((r) => r.scope)],
        ['values', 'jsonb', part.map((r) => r.values)],
        ['field_meta', 'jsonb', part.map((r) => r.meta)],
        ['deleted_at', 'timestamptz', part.map((r) => r.deletedAt)],
        ['deleted_seq', 'bigint', part.map((r) => r.deletedSeq)],
        ['row_seq', 'bigint', part.map((r) => r.rowSeq)],
        ['created_seq', 'bigint', part.map((r) => r.createdSeq)],
      ])}
        ON CONFLICT (entity, id) DO UPDATE SET scope = excluded.scope, values = excluded.values,
          field_meta = excluded.field_meta, deleted_at = excluded.deleted_at,
          deleted_seq = excluded.deleted_seq, row_seq = excluded.row_seq`)
    }
    const released: ValueRef[] = []
    const claimed: (ValueRef & { rowId: string })[] = []
    for (const [k, { ref, keys: start }] of this.keysAtStart) {
      const now = this.keysOfRow.get(k) ?? new Map<string, string>()
      for (const [key, value] of start)
        if (now.get(key) !== value) released.push({ entity: ref.entity, key, value })
      for (const [key, value] of now)
        if (start.get(key) !== value) claimed.push({ entity: ref.entity, key, value, rowId: ref.id })
    }
    // Releases first: a value may pass from one row to another within the batch.
    for (const part of chunks(released)) {
      await this.tx.execute(
        sql`DELETE FROM unique_key WHERE (entity, key, value) IN (SELECT * FROM unnest(${sql.param(
          part.map((v) => v.entity),
        )}::text[], ${sql.param(part.map((v) => v.key))}::text[], ${sql.param(part.map((v) => v.value))}::text[]))`,
      )
    }
    for (const part of chunks(claimed)) {
      await this.tx.execute(
        insertRows('unique_key', [
          ['entity', 'text', part.map((c) => c.entity)],
          ['key', 'text', part.map((c) => c.key)],
          ['value', 'text', part.map((c) => c.value)],
          ['row_id', 'uuid', part.map((c) => c.rowId)],
        ]),
      )
    }
    for (const part of chunks(this.changes)) {
      await this.tx.execute(
        insertRows('change_log', [
          ['seq', 'bigint', part.map((c) => c.seq)],
          ['tx_seq', 'bigint', part.map((c) => c.txSeq)],
          ['scope', 'text', part.map((c) => c.scope)],
          ['entity', 'text', part.map((c) => c.entity)],
          ['row_id', 'uuid', part.map((c) => c.rowId)],
          ['op', 'text', part.map((c) => c.op)],
          ['values', 'jsonb', part.map((c) => c.values)],
          ['deleted_at', 'timestamptz', part.map((c) => c.deletedAt)],
          ['field_versions', 'jsonb', part.map((c) => c.fieldVersions ?? null)],
          ['origin_device', 'uuid', part.map((c) => c.originDevice)],
          ['origin_mutation', 'uuid', part.map((c) => c.originMutation)],
          ['user_id', 'uuid', part.map((c) => c.userId)],
          ['user_name', 'text', part.map((c) => c.userName)],
          ['at', 'timestamptz', part.map((c) => c.at.toISOString())],
        ]),
      )
    }
    for (const part of chunks(this.mutationLogRows)) {
      await this.tx.execute(
        insertRows('mutation_log', [
          ['mutation_id', 'uuid', part.map((m) => m.mutationId)],
          ['device_id', 'uuid', part.map((m) => m.deviceId)],
          ['epoch', 'integer', part.map((m) => m.epoch)],
          ['client_seq', 'bigint', part.map((m) => m.clientSeq)],
          ['entity', 'text', part.map((m) => m.entity)],
          ['row_id', 'uuid', part.map((m) => m.rowId)],
          ['op', 'text', part.map((m) => m.op)],
          ['fields', 'jsonb', part.map((m) => m.fields)],
          ['base', 'jsonb', part.map((m) => m.base)],
          ['hlc', 'text', part.map((m) => m.hlc)],
          ['user_id', 'uuid', part.map((m) => m.userId)],
          ['status', 'text', part.map((m) => m.status)],
          ['result', 'jsonb', part.map((m) => m.result)],
          ['seq_from', 'bigint', part.map((m) => m.seqFrom ?? null)],
          ['seq_to', 'bigint', part.map((m) => m.seqTo ?? null)],
          ['received_at', 'timestamptz', part.map((m) => m.receivedAt.toISOString())],
        ]),
      )
    }
  }

  private async loadRecords(refs: readonly RowRef[]): Promise<void> {
    const todo = refs.filter((r) => !this.records.has(rowKey(r.entity, r.id)))
    for (const part of chunks(todo)) {
      const rows = await this.tx
        .select()
        .from(record)
        .where(
          sql`(${record.entity}, ${record.id}) in (${unnested([part.map((r) => r.entity), 'text'], [part.map((r) => r.id), 'uuid'])})`,
        )
      for (const r of part) this.records.set(rowKey(r.entity, r.id), null)
      for (const row of rows) this.records.set(rowKey(row.entity, row.id), storedRecordOf(row))
    }
  }

  private async loadKeysOfRows(refs: readonly RowRef[]): Promise<void> {
    const todo = refs.filter((r) => !this.keysOfRow.has(rowKey(r.entity, r.id)))
    for (const part of chunks(todo)) {
      const rows = await this.tx
        .select()
        .from(uniqueKey)
        .where(
          sql`(${uniqueKey.entity}, ${uniqueKey.rowId}) in (${unnested([part.map((r) => r.entity), 'text'], [part.map((r) => r.id), 'uuid'])})`,
        )
      const loaded = new Map(
        part.map((r) => [rowKey(r.entity, r.id), { ref: r, keys: new Map<string, string>() }]),
      )
      for (const row of rows) loaded.get(rowKey(row.entity, row.rowId))?.keys.set(row.key, row.value)
      for (const [k, entry] of loaded) {
        this.keysAtStart.set(k, entry)
        this.keysOfRow.set(k, new Map(entry.keys))
        for (const [key, value] of entry.keys)
          this.holders.set(valueKey(entry.ref.entity, key, value), entry.ref.id)
      }
    }
  }

  private async loadHolders(refs: readonly ValueRef[]): Promise<void> {
    const todo = refs.filter((r) => !this.storedHolders.has(valueKey(r.entity, r.key, r.value)))
    for (const part of chunks(todo)) {
      const rows = await this.tx
        .select()
        .from(uniqueKey)
        .where(
          sql`(${uniqueKey.entity}, ${uniqueKey.key}, ${uniqueKey.value}) in (${unnested(
            [part.map((v) => v.entity), 'text'],
            [part.map((v) => v.key), 'text'],
            [part.map((v) => v.value), 'text'],
          )})`,
        )
      for (const v of part) this.storedHolders.set(valueKey(v.entity, v.key, v.value), null)
      for (const row of rows) this.storedHolders.set(valueKey(row.entity, row.key, row.value), row.rowId)
    }
  }
}

type Column = readonly [name: string, type: string, values: readonly unknown[]]

/**
 * `INSERT INTO table (...) SELECT ... FROM jsonb_to_recordset($1)`: the whole chunk as one JSON
 * parameter, so building and sending the statement costs one JSON.stringify (drizzle's multi-row
 * VALUES spent seconds a storm building SQL, and array parameters escape every JSON value again).
 * A JSON null becomes SQL NULL.
 */
function insertRows(table: string, columns: readonly Column[]): SQL {
  const count = columns[0]?.[2].length ?? 0
  const rows = Array.from({ length: count }, (_, i) =>
    Object.fromEntries(columns.map(([name, , values]) => [name, values[i] ?? null])),
  )
  const names = columns.map(([name]) => `"${name}"`).join(', ')
  const types = columns.map(([name, type]) => `"${name}" ${type}`).join(', ')
  return sql`INSERT INTO ${sql.raw(`"${table}"`)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(${sql.raw(types)})`
}

/** `SELECT * FROM unnest($1::type[], ...)`: a row-value IN list of any length in a few parameters. */
function unnested(...columns: readonly (readonly [values: readonly string[], type: string])[]): SQL {
  const arrays = sql.join(
    columns.map(([values, type]) => sql`${sql.param(values)}::${sql.raw(type)}[]`),
    sql`, `,
  )
  return sql`SELECT * FROM unnest(${arrays})`
}
