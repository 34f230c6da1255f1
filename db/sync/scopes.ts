import type Database from 'better-sqlite3'
import type { Scope } from '../../domain/sync/protocol'
import type { Db } from '../database'
import { replicatedTables } from '../replicatedTables'
import { withGateOpen } from '../writeGuard'
import type { DerivedIndex } from '../writePath'
import { confirmOutboxRows } from './confirmedMutations'
import { entitiesOfScope } from './replicaTable'
import { dropScopeRows } from './scopeRows'
import { saveScopeState } from './scopeState'
import { SyncDataError } from './syncDataError'

/**
 * For a resnapshot: drops the scope's rows that have no pending change and starts its bootstrap
 * again. Pending rows stay (with their values) until their changes are pushed and confirmed.
 */
export function resetScope(
  db: Db,
  scope: Scope,
  derivedIndexes: readonly DerivedIndex[] = [],
  now: () => Date = () => new Date(),
): number {
  const client = db.$client
  return client.transaction(() => {
    const dropped = withGateOpen(client, () =>
      dropScopeRows(client, scope, true, derivedIndexes, now().toISOString()),
    )
    saveScopeState(client, {
      scope,
      cursorSeq: 0,
      snapshotToken: null,
      snapshotSeq: null,
      state: 'bootstrapping',
    })
    return dropped
  })()
}

/**
 * The user may no longer read the scope: once its changes have been pushed (the server keeps them,
 * routed to a head), its rows go and its sent outbox rows count as confirmed. Refused while a change
 * is still unpushed.
 */
export function purgeScope(
  db: Db,
  scope: Scope,
  derivedIndexes: readonly DerivedIndex[] = [],
  now: () => Date = () => new Date(),
): number {
  const client = db.$client
  return client.transaction(() => {
    const outboxOfScope = outboxRowsOf(scope)
    const unpushed = client
      .prepare(`SELECT count(*) FROM outbox o WHERE o.state = 'pending' AND (${outboxOfScope})`)
      .pluck()
      .get(scope) as number
    if (unpushed > 0) {
      throw new SyncDataError('PENDING_CHANGES', `${unpushed} changes of ${scope} are not pushed yet`)
    }
    confirmOutboxRows(client, `(${outboxOfScope})`, scope)
    const dropped = withGateOpen(client, () =>
      dropScopeRows(client, scope, false, derivedIndexes, now().toISOString()),
    )
    client.prepare('DELETE FROM sync_scope WHERE scope = ?').run(scope)
    return dropped
  })()
}

/**
 * At the start of a scope's bootstrap: its outbox rows the server has answered (applied or
 * conflicted) are confirmed by the snapshot that follows, which is read after they committed and so
 * holds their effect. A snapshot carries no mutation ids, so without this they would wait forever
 * for a pull that never brings them (their changes sit before the snapshot's position); they move to
 * the confirmed changes, kept in case the server is restored from a backup. Rows they
 * alone kept go too; the snapshot brings back the server's truth of each. Callers hold a
 * transaction and the write gate.
 */
export function confirmSentBySnapshot(
  client: Database.Database,
  scope: Scope,
  derivedIndexes: readonly DerivedIndex[],
  at: string,
): number {
  const confirmed = confirmOutboxRows(client, `o.state = 'sent' AND (${outboxRowsOf(scope)})`, scope)
  if (confirmed > 0) dropScopeRows(client, scope, true, derivedIndexes, at)
  return confirmed
}

/** SQL over outbox `o` matching the rows of one scope (bound once, as `?`). */
function outboxRowsOf(scope: Scope): string {
  const fixed = entitiesOfScope(scope).filter((e) => replicatedTables[e].scope !== 'perRow')
  const list = fixed.map((e) => `'${e}'`).join(', ') || "''"
  return `o.entity IN (${list}) OR (o.entity = 'syncConflict' AND o.row_id IN (SELECT id FROM sync_conflict WHERE scope = ?))`
}
