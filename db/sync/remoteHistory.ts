import type Database from 'better-sqlite3'
import type { ChangeEntry } from '../../domain/sync/protocol'
import { encodeHlc } from '../../domain/time/hlc'
import type { Written } from '../writePath'
import type { FieldChange } from './rowState'

const cache = new WeakMap<Database.Database, Database.Statement>()

/**
 * Files a pulled change in the record's history, as the write path files a local one, so every PC
 * shows who changed what. The change's own mutation id keeps it once: a PC's own change, already
 * in its history, is not filed again when it comes back.
 */
export function fileRemoteHistory(
  client: Database.Database,
  entry: ChangeEntry,
  written: Written,
  changes: readonly FieldChange[],
): void {
  let insert = cache.get(client)
  if (!insert) {
    insert = client.prepare(
      `INSERT OR IGNORE INTO record_history (mutation_id, entity, row_id, subject_id, op, changes, user_id, user_name, at, hlc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    cache.set(client, insert)
  }
  // History is ordered by HLC; the log's time and origin give one that sorts with local entries.
  const hlc = encodeHlc({
    wallMs: Date.parse(entry.at),
    counter: 0,
    deviceId: entry.originDevice ?? 'server',
  })
  insert.run(
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
}
