import type Database from 'better-sqlite3'
import type { Scope } from '../../domain/sync/protocol'
import type { Db } from '../database'

export interface ScopeState {
  scope: Scope
  cursorSeq: number
  snapshotToken: string | null
  snapshotSeq: number | null
  /** `indexing`: every row is in, the derived indexes are being built (the token holds where). */
  state: 'bootstrapping' | 'indexing' | 'live'
}

const select = `SELECT scope, cursor_seq AS cursorSeq, snapshot_token AS snapshotToken,
  snapshot_seq AS snapshotSeq, state FROM sync_scope`

/** Where this PC's copy of a scope stands (a scope never seen is bootstrapping from nothing). */
export function scopeState(client: Database.Database, scope: Scope): ScopeState {
  const row = client.prepare(`${select} WHERE scope = ?`).get(scope) as ScopeState | undefined
  return row ?? { scope, cursorSeq: 0, snapshotToken: null, snapshotSeq: null, state: 'bootstrapping' }
}

export function allScopeStates(client: Database.Database): ScopeState[] {
  return client.prepare(`${select} ORDER BY scope`).all() as ScopeState[]
}

export function saveScopeState(client: Database.Database, s: ScopeState): void {
  client
    .prepare(
      `INSERT INTO sync_scope (scope, cursor_seq, snapshot_token, snapshot_seq, state) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(scope) DO UPDATE SET cursor_seq = excluded.cursor_seq, snapshot_token = excluded.snapshot_token,
         snapshot_seq = excluded.snapshot_seq, state = excluded.state`,
    )
    .run(s.scope, s.cursorSeq, s.snapshotToken, s.snapshotSeq, s.state)
}

/** A number that grows whenever this PC applies changes from the server (the sum of its cursors). */
export function receivedSeq(db: Db): number {
  return db.$client.prepare('SELECT coalesce(sum(cursor_seq), 0) FROM sync_scope').pluck().get() as number
}
