import type { Scope, SnapshotResponse } from '../../domain/sync/protocol'
import type { Db } from '../database'
import { withGateOpen } from '../writeGuard'
import type { DerivedIndex, Written } from '../writePath'
import { deferredForBootstrap } from './deferredIndexes'
import { withoutCommitSync } from './refetchableWrite'
import { writeServerState } from './rowState'
import { saveScopeState, scopeState } from './scopeState'
import { confirmSentBySnapshot } from './scopes'
import { dropSecondaryIndexesOfEmptyScope, missingSecondaryIndexes } from './secondaryIndexes'
import { insertSnapshotRow, writtenOf } from './snapshotInsert'
import { SyncDataError } from './syncDataError'

/**
 * Applies one snapshot page and saves the next page's token in the same transaction, so a PC killed
 * mid-bootstrap resumes from that token. The last page turns the scope live, its cursor at the
 * snapshot's position. Rows are the server's truth (no version skip), except pending local fields.
 * Rebuildable derived indexes of the scope are left alone: the last page turns the scope to
 * `indexing` instead, and the engine builds them in steps (indexBuild.ts) before it turns live, so
 * a live scope always has them whole and no single transaction rebuilds them all. Into a store that
 * holds nothing of the scope, the first page also drops the scope's plain indexes, made again the
 * same way (secondaryIndexes.ts).
 */
export function applySnapshotPage(
  db: Db,
  scope: Scope,
  page: SnapshotResponse,
  derivedIndexes: readonly DerivedIndex[] = [],
  now: () => Date = () => new Date(),
): { applied: number } {
  const client = db.$client
  const foreign = page.rows.find((r) => r.scope !== scope)
  if (foreign)
    throw new SyncDataError('BAD_PAGE', `row ${foreign.rowId} belongs to ${foreign.scope}, not ${scope}`)
  const at = now().toISOString()
  const { perRow, deferred } = deferredForBootstrap(scope, derivedIndexes)

  const apply = client.transaction(() => {
    client.pragma('defer_foreign_keys = ON')
    const state = scopeState(client, scope)
    const written: Written[] = []
    let applied = 0
    withGateOpen(client, () => {
      if (state.state === 'bootstrapping' && state.snapshotToken === null) {
        confirmSentBySnapshot(client, scope, derivedIndexes, at)
        // Nothing of the scope here yet: its plain indexes are made after the last page instead.
        dropSecondaryIndexesOfEmptyScope(client, scope)
      }
      for (const row of page.rows) {
        const inserted = insertSnapshotRow(client, row, at)
        if (inserted) {
          applied += 1
          if (perRow.length > 0) written.push(writtenOf(client, inserted))
          continue
        }
        const versions = row.fieldVersions
        const outcome = writeServerState(client, {
          entity: row.entity,
          rowId: row.rowId,
          values: row.values,
          deletedAt: row.deletedAt,
          versionOf: (field) => versions[field] ?? versions['*'] ?? page.snapshotSeq,
          seq: null,
          wholeRow: versions,
          at,
          userId: null,
        })
        if (outcome.kind !== 'written') continue
        applied += 1
        if (outcome.written) written.push(outcome.written)
      }
      for (const index of perRow) index(client, written)
    })
    // Pages of one snapshot share its position; if a token ever led into a newer snapshot, pulling
    // from the older position replays the difference (and field versions make that harmless).
    const snapshotSeq =
      state.snapshotSeq === null ? page.snapshotSeq : Math.min(state.snapshotSeq, page.snapshotSeq)
    saveScopeState(
      client,
      page.next === null
        ? {
            scope,
            cursorSeq: snapshotSeq,
            snapshotToken: null,
            snapshotSeq,
            state:
              deferred.length > 0 || missingSecondaryIndexes(client, scope).length > 0 ? 'indexing' : 'live',
          }
        : {
            scope,
            cursorSeq: state.cursorSeq,
            snapshotToken: page.next,
            snapshotSeq,
            state: 'bootstrapping',
          },
    )
    return { applied }
  })
  return withoutCommitSync(client, apply)
}
