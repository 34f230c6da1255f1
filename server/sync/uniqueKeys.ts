import { and, eq, inArray } from 'drizzle-orm'
import type { EntityDefinition, RowValues, UniqueKey } from '../../domain/sync/entities'
import { uniqueKey } from '../db/schema'
import type { SyncTx } from './syncTx'

/** Another live row holds a value this row needs to be unique. */
export interface Duplicate {
  key: UniqueKey
  value: string
  holderId: string
}

export interface UniqueKeyPlan {
  duplicates: Duplicate[]
  /** Records the row's keys as planned (a duplicated key stays with the row that holds it). */
  apply(): Promise<void>
}

const wanted = (key: UniqueKey, values: RowValues, live: boolean): string | null => {
  const value = values[key.field]
  if (!live || value === null || value === undefined) return null
  if (key.when && !key.when(values)) return null
  return String(value)
}

/**
 * The unique values a row's new state claims, checked against the other live rows: a live row
 * (matching the key's condition) holds its values; a deleted one releases them.
 */
export async function planUniqueKeys(
  tx: SyncTx,
  entity: string,
  def: EntityDefinition,
  rowId: string,
  values: RowValues,
  live: boolean,
): Promise<UniqueKeyPlan> {
  if (def.uniqueKeys.length === 0) return { duplicates: [], apply: async () => {} }
  const held = await tx
    .select({ key: uniqueKey.key, value: uniqueKey.value })
    .from(uniqueKey)
    .where(and(eq(uniqueKey.entity, entity), eq(uniqueKey.rowId, rowId)))
  const heldBy = new Map(held.map((h) => [h.key, h.value]))
  const release: string[] = []
  const claim: { key: string; value: string }[] = []
  const duplicates: Duplicate[] = []
  for (const key of def.uniqueKeys) {
    const value = wanted(key, values, live)
    const current = heldBy.get(key.field) ?? null
    if (value === current) continue
    if (current !== null) release.push(key.field)
    if (value === null) continue
    const [holder] = await tx
      .select({ rowId: uniqueKey.rowId })
      .from(uniqueKey)
      .where(and(eq(uniqueKey.entity, entity), eq(uniqueKey.key, key.field), eq(uniqueKey.value, value)))
    if (holder && holder.rowId !== rowId) duplicates.push({ key, value, holderId: holder.rowId })
    else claim.push({ key: key.field, value })
  }
  return {
    duplicates,
    async apply() {
      if (release.length > 0) {
        await tx
          .delete(uniqueKey)
          .where(
            and(eq(uniqueKey.entity, entity), eq(uniqueKey.rowId, rowId), inArray(uniqueKey.key, release)),
          )
      }
      if (claim.length > 0) {
        await tx.insert(uniqueKey).values(claim.map((c) => ({ entity, key: c.key, value: c.value, rowId })))
      }
    },
  }
}

/** Where a push batch keeps the unique keys it works on (pushBatch.ts). */
export interface UniqueKeyStore {
  heldKeys(entity: string, rowId: string): Promise<ReadonlyMap<string, string>>
  holderOf(entity: string, key: string, value: string): Promise<string | null>
  setKey(entity: string, rowId: string, key: string, value: string | null): void
}

/** As `planUniqueKeys`, against a push batch's keys in memory (written when the batch ends). */
export async function planBatchUniqueKeys(
  store: UniqueKeyStore,
  entity: string,
  def: EntityDefinition,
  rowId: string,
  values: RowValues,
  live: boolean,
): Promise<UniqueKeyPlan> {
  if (def.uniqueKeys.length === 0) return { duplicates: [], apply: async () => {} }
  const heldBy = await store.heldKeys(entity, rowId)
  const changes: { key: string; value: string | null }[] = []
  const duplicates: Duplicate[] = []
  for (const key of def.uniqueKeys) {
    const value = wanted(key, values, live)
    const current = heldBy.get(key.field) ?? null
    if (value === current) continue
    if (value === null) {
      changes.push({ key: key.field, value: null })
      continue
    }
    const holder = await store.holderOf(entity, key.field, value)
    if (holder !== null && holder !== rowId) {
      duplicates.push({ key, value, holderId: holder })
      // The row gives up its old value even when the new one is taken (as planUniqueKeys does).
      if (current !== null) changes.push({ key: key.field, value: null })
    } else changes.push({ key: key.field, value })
  }
  return {
    duplicates,
    async apply() {
      for (const c of changes) store.setKey(entity, rowId, c.key, c.value)
    },
  }
}
