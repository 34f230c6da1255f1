import type Database from 'better-sqlite3'
import type { ChangeEntry } from '../../domain/sync/protocol'
import { encodeHlc } from '../../domain/time/hlc'
import type { Written } from '../writePath'
import type { FieldChange } from './rowState'

/** History rows per INSERT statement (ten parameters each). */
const ROWS_PER_INSERT = 50
const COLUMNS = 10
const cache = new WeakMap<Database.Database, Map<number, Database.Statement>>()

function insertOf(client: Database.Database, rows: number): Database.Statement {
  let statements = cache.get(client)
  if (!statements) {
    statements = new Map()
    cache.set(client, statements)
  }
  let insert = statements.get(rows)
  if (!insert) {
    const values = Array.from({ length: rows }, () => `(${Array(COLUMNS).fill('?').join(', ')})`).join(', ')
    insert = client.prepare(
      `INSERT OR IGNORE INTO record_history (mutation_id, entity, row_id, subject_id, op, changes, user_id, user_name, at, hlc)
       VALUES ${values}`,
    )
    statements.set(rows, insert)
  }
  return insert
}

/**
 * Files pulled changes in their records' history, as the write path files a local one, so every PC
 * shows who changed what. The change's own mutation id keeps it once: a PC's own change, already
 * in its history, is not filed again when it comes back. Rows are gathered and written by
 * `flush`, several to a statement, inside the caller's transaction.
 */
export function remoteHistory(client: Database.Database) {
  let pending: unknown[] = []
  const write = (values: unknown[]) => insertOf(client, values.length / COLUMNS).run(values)
  // The changes of one server transaction share their time and origin, so their HLC is made once.
  let lastAt = ''
  let lastDevice = ''
  let lastHlc = ''
  return {
    file(entry: ChangeEntry, written: Written, changes: readonly FieldChange[]): void {
      // History is ordered by HLC; the log's time and origin give one that sorts with local entries.
      const deviceId = entry.originDevice ?? 'server'
      if (entry.at !== lastAt || deviceId !== lastDevice) {
        lastHlc = encodeHlc({ wallMs: Date.parse(entry.at), counter: 0, deviceId })
        lastAt = entry.at
        lastDevice = deviceId
      }
      const hlc = lastHlc
      pending.push(
        entry.originMutation ?? `change-${entry.seq}`,
        written.entity,
        written.id,
        written.subjectId,
        written.op,
        JSON.stringify(changes),
        entry.userId ?? '',
        entry.userName ?? '',
        entry.at,
        hlc,
      )
      if (pending.length === ROWS_PER_INSERT * COLUMNS) this.flush()
    },
    flush(): void {
      if (pending.length > 0) write(pending)
      pending = []
    },
  }
}
