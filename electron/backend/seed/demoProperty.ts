import { bulkLoad } from '../../../db/bulkLoad'
import type { Db } from '../../../db/database'
import { newId } from '../../../db/ids'
import { rebuildPropertySearch } from '../../../db/property/searchIndex'
import { listTerritorialUnits } from '../../../db/reference/territorialUnits'
import { type DemoPropertyOptions, demoPropertyRows } from '../../../domain/property/demoData'
import { systemActor } from './territorialUnits'

/**
 * Seeds a PC on its own (no central server) with the demo property registry, once, on a store that
 * has none. The rows are settled data, as a PC's first snapshot from the server would be: loaded in
 * bulk (db/bulkLoad.ts) with the search index built after them, with no outbox rows, since no clerk
 * made them. A PC enrolled with a server gets the demo municipality from the server instead.
 */
export function seedDemoProperty(db: Db, options: Omit<DemoPropertyOptions, 'newId'>): number {
  if (options.objects <= 0 || hasPropertyObjects(db)) return 0
  const unitIds = listTerritorialUnits(db).map((u) => u.id)
  if (unitIds.length === 0) throw new Error('seed the territorial units before the demo property')
  return bulkLoad(db, rowsOf(demoPropertyRows(unitIds, { ...options, newId })), {
    entities: ['propertyObject', 'propertyCadastralCode', 'propertyLease', 'propertyLeasePayment'],
    at: options.today.toISOString(),
    by: systemActor.userId,
    rebuild: rebuildPropertySearch,
  })
}

function* rowsOf<T>(groups: Iterable<readonly T[]>): Generator<T> {
  for (const group of groups) yield* group
}

function hasPropertyObjects(db: Db): boolean {
  return db.$client.prepare('SELECT 1 FROM property_object LIMIT 1').get() !== undefined
}
