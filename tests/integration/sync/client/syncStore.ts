import { applySnapshotPage } from '../../../../db/sync/applySnapshotPage'
import { tempStore } from '../../../support/tempStore'
import { unitRow } from './syncSamples'

/** A real store file that already holds the reference scope (one territorial unit), as after a bootstrap. */
export function syncStore() {
  const store = tempStore()
  applySnapshotPage(store.db, 'reference', { snapshotSeq: 1, rows: [unitRow(1)], next: null })
  const client = store.db.$client
  return {
    ...store,
    client,
    object: (id: string) =>
      client.prepare('SELECT * FROM property_object WHERE id = ?').get(id) as
        | Record<string, unknown>
        | undefined,
    versions: (id: string) =>
      JSON.parse(
        client.prepare('SELECT field_versions FROM property_object WHERE id = ?').pluck().get(id) as string,
      ) as Record<string, number>,
    outbox: () =>
      client.prepare('SELECT seq, mutation_id AS mutationId, state FROM outbox ORDER BY seq').all() as {
        seq: number
        mutationId: string
        state: string
      }[],
    cursor: (scope: string) =>
      client.prepare('SELECT cursor_seq FROM sync_scope WHERE scope = ?').pluck().get(scope) as
        | number
        | undefined,
    searchHits: (id: string) =>
      client.prepare('SELECT count(*) FROM property_search WHERE object_id = ?').pluck().get(id) as number,
  }
}
