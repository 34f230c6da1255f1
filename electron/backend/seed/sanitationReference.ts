import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { bulkLoad } from '../../../db/bulkLoad'
import type { Db } from '../../../db/database'
import { replicatedTables } from '../../../db/replicatedTables'
import { initialReferenceRows, referenceEntities } from '../../../domain/sanitation/initialReferenceRows'
import { systemActor } from './territorialUnits'

/**
 * A PC on its own: the sanitation registry's default categories, bands and bank formats, once, on a
 * store that has none, as settled data with the server's ids (server/seed/sanitationReference.ts).
 * Returns the rows written.
 */
export function seedSanitationReference(db: Db, now: Date): number {
  const client = db.$client
  const present = referenceEntities.some(
    (entity) =>
      client
        .prepare(`SELECT 1 FROM "${getTableConfig(replicatedTables[entity].table).name}" LIMIT 1`)
        .get() !== undefined,
  )
  if (present) return 0
  return bulkLoad(db, initialReferenceRows, {
    entities: referenceEntities,
    at: now.toISOString(),
    by: systemActor.userId,
  })
}
