import type Database from 'better-sqlite3'
import { Uuid } from '../../domain/sync/protocol'
import { SEEN_LIMIT } from '../../domain/sync/replayedEdits'

const cache = new WeakMap<Database.Database, Database.Statement>()

/**
 * The mutations of a row this PC had received (or made) before the change `mutationId` was made,
 * newest first, at most SEEN_LIMIT: a replay names them (domain/sync/replayedEdits.ts). The record
 * history files every change in the order it reached this PC (its rowid), pulled ones under their
 * origin mutation, local ones under their own; the change's own entry marks when its clerk saved it.
 * Empty when that entry is not there. Changes the server made itself have no mutation to name, and
 * an id that is not one (history kept from elsewhere) is left out rather than fail the push.
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
         JOIN record_history h ON h.subject_id = own.subject_id AND h.rowid < own.rowid
         WHERE own.mutation_id = ? AND h.entity = ? AND h.row_id = ? AND h.mutation_id NOT LIKE 'change-%'
         ORDER BY h.rowid DESC LIMIT ${SEEN_LIMIT}`,
      )
      .pluck()
    cache.set(client, select)
  }
  return (select.all(mutationId, entity, rowId) as string[]).filter((id) => Uuid.safeParse(id).success)
}
