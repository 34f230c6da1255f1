import type Database from 'better-sqlite3'
import type { ChangeEntry } from '../../domain/sync/protocol'
import { encodeHlc } from '../../domain/time/hlc'
import { rowBuffer } from '../rowBuffer'
import type { Written } from '../writePath'
import type { FieldChange } from './rowState'

/**
 * Files pulled changes in their records' history, as the write path files a local one, so every PC
 * shows who changed what. The change's own mutation id keeps it once: a PC's own change, already
 * in its history, is not filed again when it comes back. Rows are gathered and written by
 * `flush`, several to a statement, inside the caller's transaction.
 */
export function remoteHistory(client: Database.Database) {
  const rows = rowBuffer(
    client,
    'INSERT OR IGNORE INTO record_history (mutation_id, entity, row_id, subject_id, op, changes, user_id, user_name, at, hlc)',
    10,
  )
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
      rows.add(
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
    },
    flush(): void {
      rows.flush()
    },
  }
}
