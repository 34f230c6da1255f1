import { z } from 'zod'
import type { Scope } from '../../domain/sync/protocol'
import type { Db } from '../database'
import { withGateOpen } from '../writeGuard'
import type { DerivedIndex } from '../writePath'
import { deferredForBootstrap } from './deferredIndexes'
import { withoutCommitSync } from './refetchableWrite'
import { saveScopeState, scopeState } from './scopeState'
import { missingSecondaryIndexes } from './secondaryIndexes'

/** Source rows indexed per step: one short transaction, so a clerk's save waits for one step at most. */
export const INDEX_BUILD_STEP = 2_000

/** Where the build stands: which deferred index, after which source row, and whether it is merging. */
const BuildPosition = z.object({
  index: z.number().int().nonnegative(),
  after: z.number().int().nonnegative(),
  merging: z.boolean(),
})
type BuildPosition = z.infer<typeof BuildPosition>

/**
 * One step of building the indexes a bootstrap left alone, after its last page turned the scope to
 * `indexing`: first each plain index it dropped (secondaryIndexes.ts), one to a step, then the
 * derived indexes (db/sync/deferredIndexes.ts): the first step empties them, each later one
 * adds the entries of the next `limit` rows, or tidies an index that is whole, in its own
 * transaction with the position saved in it, so a restart resumes the build. The step that finds
 * nothing left turns the scope live: a live scope always has its indexes whole. True once live.
 */
export function buildIndexesStep(
  db: Db,
  scope: Scope,
  derivedIndexes: readonly DerivedIndex[],
  limit = INDEX_BUILD_STEP,
): boolean {
  const client = db.$client
  const { deferred } = deferredForBootstrap(scope, derivedIndexes)
  const step = client.transaction((): boolean => {
    const state = scopeState(client, scope)
    if (state.state !== 'indexing') return state.state === 'live'
    // First the plain indexes a bootstrap dropped, one to a step (the derived ones read through them).
    const [missing] = missingSecondaryIndexes(client, scope)
    if (missing) {
      client.exec(missing.create)
      return false
    }
    let position = positionOf(state.snapshotToken)
    withGateOpen(client, () => {
      if (position === null) {
        for (const index of deferred) index.clear(client)
        position = { index: 0, after: 0, merging: false }
        return
      }
      const index = deferred[position.index]
      if (!index) return
      if (!position.merging) {
        const next = index.buildAfter(client, position.after, limit)
        position = next === null ? { ...position, merging: true } : { ...position, after: next }
      } else if (!index.mergeStep(client)) {
        position = { index: position.index + 1, after: 0, merging: false }
      }
    })
    const done = position !== null && position.index >= deferred.length
    saveScopeState(
      client,
      done
        ? { ...state, snapshotToken: null, state: 'live' }
        : { ...state, snapshotToken: JSON.stringify(position) },
    )
    return done
  })
  return withoutCommitSync(client, step)
}

/** Every step at once: for callers with nothing else to let run (tests, a scope of a few rows). */
export function buildIndexesNow(db: Db, scope: Scope, derivedIndexes: readonly DerivedIndex[]): void {
  while (!buildIndexesStep(db, scope, derivedIndexes, Number.MAX_SAFE_INTEGER)) {}
}

function positionOf(saved: string | null): BuildPosition | null {
  if (saved === null) return null
  try {
    return BuildPosition.parse(JSON.parse(saved))
  } catch {
    // Not a position this version wrote: the build starts again (it is derived data).
    return null
  }
}
