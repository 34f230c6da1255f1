import { bulkLoad } from '../../../db/bulkLoad'
import type { Db } from '../../../db/database'
import { listTerritorialUnits } from '../../../db/reference/territorialUnits'
import type { Actor } from '../../../db/writePath'

import { initialTerritorialUnits } from '../../../domain/reference/rustaviUnits'

export const systemActor: Actor = { userId: 'system', userName: 'სისტემა' }

/**
 * Seeds the units once, on a store that has none, as settled data (like the rest of a PC's demo
 * seed): a PC enrolled with a server gets the same units, with the same ids, from the server.
 */
export function seedTerritorialUnits(db: Db, now: Date): void {
  if (listTerritorialUnits(db).length > 0) return
  bulkLoad(
    db,
    initialTerritorialUnits.map(({ id, ...values }) => ({ entity: 'territorialUnit' as const, id, values })),
    { entities: ['territorialUnit'], at: now.toISOString(), by: systemActor.userId },
  )
}
