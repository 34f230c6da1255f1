import type Database from 'better-sqlite3'
import type { ChangeEntry, PullResponse, Scope } from '../../domain/sync/protocol'
import type { Db } from '../database'
import { withGateOpen } from '../writeGuard'
import type { DerivedIndex, Written } from '../writePath'
import { confirmOutboxRow } from './confirmedMutations'
import { changesFor } from './deferredIndexes'
import { outboxRowSet } from './outboxRowSet'
import { withoutCommitSync } from './refetchableWrite'
import { remoteHistory } from './remoteHistory'
import { type ServerState, writeServerState } from './rowState'
import { saveScopeState, scopeState } from './scopeState'
import { SyncDataError } from './syncDataError'

export interface PullApplyStats {
  applied: number
  skipped: number
  /** Outbox rows whose effect came back in this page (moved to the confirmed changes). */
  confirmed: number
}

/**
 * Applies one pull page and moves the scope's cursor, in one SQLite transaction: after a crash
 * either both happened or neither did. A page is a few thousand rows at most, so a clerk's save
 * waits for one page, not for a whole catch-up. `outboxRows` gives the rows with an outbox row
 * (outboxRowSet.ts): a catch-up keeps one across its slices.
 */
export function applyPullPage(
  db: Db,
  scope: Scope,
  page: PullResponse,
  derivedIndexes: readonly DerivedIndex[] = [],
  outboxRows: () => ReadonlySet<string> = outboxRowSet(db.$client),
): PullApplyStats {
  const client = db.$client
  const foreign = page.changes.find((e) => e.scope !== scope)
  if (foreign)
    throw new SyncDataError('BAD_PAGE', `change ${foreign.seq} belongs to ${foreign.scope}, not ${scope}`)
  const { confirm, waitingOf } = statementsOf(client)

  const apply = client.transaction((): PullApplyStats => {
    // A page may hold a child before its parent; the keys are checked at commit instead.
    client.pragma('defer_foreign_keys = ON')
    const state = scopeState(client, scope)
    const stats: PullApplyStats = { applied: 0, skipped: 0, confirmed: 0 }
    const written: { written: Written; fields: string[] }[] = []
    const origins = page.changes.flatMap((e) => (e.originMutation ? [e.originMutation] : []))
    const waiting = new Set(waitingOf.pluck().all(JSON.stringify(origins)) as string[])
    const rowsWithOutbox = outboxRows()
    const history = remoteHistory(client)
    withGateOpen(client, () => {
      for (const entry of page.changes) {
        // At or below the cursor: this PC has it already (a page fetched twice).
        if (entry.seq <= state.cursorSeq) {
          stats.skipped += 1
          continue
        }
        if (entry.originMutation && waiting.has(entry.originMutation))
          stats.confirmed += confirm(entry.originMutation, entry.seq)
        const outcome = writeServerState(client, serverStateOf(entry), rowsWithOutbox)
        if (outcome.kind !== 'written') {
          stats.skipped += 1
          continue
        }
        stats.applied += 1
        if (!outcome.written) continue
        written.push({ written: outcome.written, fields: outcome.changes.map((c) => c.field) })
        if (entry.op !== 'remove') history.file(entry, outcome.written, outcome.changes)
      }
      history.flush()
      for (const index of derivedIndexes) {
        const relevant = changesFor(index, written)
        if (relevant.length > 0) index(client, relevant)
      }
    })
    saveScopeState(client, { ...state, cursorSeq: Math.max(state.cursorSeq, page.next) })
    return stats
  })
  return withoutCommitSync(client, apply)
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>()

/** Prepared once per connection: a catch-up applies a thousand slices. */
function statementsOf(client: Database.Database) {
  let s = cache.get(client)
  if (!s) {
    s = prepare(client)
    cache.set(client, s)
  }
  return s
}

function prepare(client: Database.Database) {
  return {
    confirm: confirmOutboxRow(client),
    // The outbox is asked once a page, not once a change: which of the page's changes confirm one of
    // its rows.
    waitingOf: client.prepare(
      'SELECT mutation_id FROM outbox WHERE mutation_id IN (SELECT value FROM json_each(?))',
    ),
  }
}

function serverStateOf(entry: ChangeEntry): ServerState {
  const base = {
    entity: entry.entity,
    rowId: entry.rowId,
    seq: entry.seq,
    at: entry.at,
    userId: entry.userId,
  }
  switch (entry.op) {
    case 'put': {
      const versions = entry.fieldVersions ?? { '*': entry.seq }
      return {
        ...base,
        values: entry.values,
        deletedAt: entry.deletedAt,
        versionOf: (field) => versions[field] ?? versions['*'] ?? entry.seq,
        wholeRow: versions,
      }
    }
    case 'patch':
      return { ...base, values: entry.values, versionOf: () => entry.seq }
    case 'delete':
    case 'remove':
      // A row that left the scope is kept as a tombstone: hidden, and brought back by a later put.
      return {
        ...base,
        values: entry.values,
        deletedAt: entry.deletedAt ?? entry.at,
        versionOf: () => entry.seq,
      }
  }
}
