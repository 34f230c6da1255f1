import type Database from 'better-sqlite3'
import { Uuid } from '../../domain/sync/protocol'
import { SEEN_LIMIT } from '../../domain/sync/replayedEdits'
import { encodeHlc } from '../../domain/time/hlc'
import { replicaTable } from './replicaTable'
import { subjectOf } from './subjects'

/** Where the device id starts in an encoded HLC (SQLite counts from 1). */
const DEVICE_AT = encodeHlc({ wallMs: 0, counter: 0, deviceId: 'x' }).length

const cache = new WeakMap<Database.Database, Database.Statement>()

/**
 * The mutations of a row that had reached this PC from other PCs before the change `mutationId` was
 * saved here, newest first, at most SEEN_LIMIT: a replay names them (domain/sync/replayedEdits.ts).
 * The record history files every change in the order it reached this PC (its rowid), pulled ones
 * under their origin mutation and device, local ones under their own; the change's own entry marks
 * when its clerk saved it. This PC's own changes are left out: they are in its history from the
 * moment they are saved, before any version says the server has them.
 * The row's entries are found under the subjects it can be filed under: the one its own entry has
 * (the service's), the one a pulled change gets (db/sync/subjects.ts), and the row itself.
 * Empty when the change's own entry is not there. Changes the server made itself have no mutation to
 * name, and an id that is not one (history kept from elsewhere) is left out rather than fail the push.
 */
export function receivedBefore(
  client: Database.Database,
  mutationId: string,
  entity: string,
  rowId: string,
): string[] {
  let select = cache.get(client)
  if (!select) {
    select = client
      .prepare(
        `SELECT h.mutation_id FROM record_history own
         JOIN record_history h ON h.subject_id IN (own.subject_id, ?, ?) AND h.rowid < own.rowid
         WHERE own.mutation_id = ? AND h.entity = ? AND h.row_id = ?
           AND substr(h.hlc, ${DEVICE_AT}) <> substr(own.hlc, ${DEVICE_AT})
           AND h.mutation_id NOT LIKE 'change-%'
         ORDER BY h.rowid DESC LIMIT ${SEEN_LIMIT}`,
      )
      .pluck()
    cache.set(client, select)
  }
  const row = replicaTable(client, entity)?.select.get(rowId) as Record<string, unknown> | undefined
  const pulledSubject = row ? subjectOf(client, entity, row) : rowId
  return (select.all(pulledSubject, rowId, mutationId, entity, rowId) as string[]).filter(
    (id) => Uuid.safeParse(id).success,
  )
}
