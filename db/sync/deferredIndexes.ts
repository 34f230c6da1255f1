import type Database from 'better-sqlite3'
import type { Scope } from '../../domain/sync/protocol'
import type { DerivedIndex, Written } from '../writePath'
import { entitiesOfScope } from './replicaTable'

/**
 * A derived index that can also be built in one go from the tables. A bootstrap leaves it alone
 * page by page (objects, their codes and their leases arrive on separate pages, so row by row each
 * object's entry would be rebuilt up to three times) and rebuilds it once, as the scope turns live.
 */
export interface RebuildableIndex extends DerivedIndex {
  /** The entities whose rows the index is built from. */
  readonly entities: ReadonlySet<string>
  /** Builds the whole index again; runs inside the caller's transaction. */
  rebuild(client: Database.Database): void
  /** Empties the index: the first step of a build in steps (db/sync/indexBuild.ts). */
  clear(client: Database.Database): void
  /**
   * Adds the entries of the next `limit` source rows after position `after` (0: from the start);
   * returns the new position, null when nothing was left. Bounded work, inside the caller's transaction.
   */
  buildAfter(client: Database.Database, after: number, limit: number): number | null
  /** A bounded step of tidying the built index; false once there is nothing left to tidy. */
  mergeStep(client: Database.Database): boolean
  /**
   * The fields of each entity the index is built from: an update of other fields (most pulled
   * patches) leaves it as it was, so the applier does not hand it over.
   */
  readonly fields: Readonly<Record<string, readonly string[]>>
}

/**
 * The steps of an index that is cheap enough to build in one go: the first step builds it whole, and
 * there is nothing to tidy after (for indexes without a build in bounded steps of their own).
 */
export function builtInOneStep(
  rebuild: (client: Database.Database) => void,
): Pick<RebuildableIndex, 'clear' | 'buildAfter' | 'mergeStep'> {
  return {
    clear: () => {},
    buildAfter: (client, after) => {
      if (after === 0) rebuild(client)
      return null
    },
    mergeStep: () => false,
  }
}

const isRebuildable = (index: DerivedIndex): index is RebuildableIndex =>
  typeof (index as Partial<RebuildableIndex>).rebuild === 'function' &&
  (index as Partial<RebuildableIndex>).entities instanceof Set

/**
 * Splits the derived indexes for a bootstrap of `scope`: those kept row by row, and those rebuilt
 * once at its end (rebuildable ones built from the scope's entities). A rebuildable index built
 * from other entities only is in neither: the scope's rows cannot change it.
 */
export function deferredForBootstrap(
  scope: Scope,
  derivedIndexes: readonly DerivedIndex[],
): { perRow: DerivedIndex[]; deferred: RebuildableIndex[] } {
  const entities = entitiesOfScope(scope)
  const perRow: DerivedIndex[] = []
  const deferred: RebuildableIndex[] = []
  for (const index of derivedIndexes) {
    if (!isRebuildable(index)) perRow.push(index)
    else if (entities.some((e) => index.entities.has(e))) deferred.push(index)
  }
  return { perRow, deferred }
}

/**
 * The changes an index has to see: every insert and delete, and the updates of fields it reads.
 * Indexes that do not say what they read see every change.
 */
export function changesFor<T extends { written: Written; fields: readonly string[] }>(
  index: DerivedIndex,
  changes: readonly T[],
): Written[] {
  if (!isRebuildable(index)) return changes.map((c) => c.written)
  return changes
    .filter(({ written, fields }) => {
      if (written.op !== 'update') return true
      const read = index.fields[written.entity]
      return read !== undefined && fields.some((f) => read.includes(f))
    })
    .map((c) => c.written)
}
