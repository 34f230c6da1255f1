import type { Db } from '../../../db/database'
import { listTerritorialUnits } from '../../../db/reference/territorialUnits'
import type { Actor, WritePath } from '../../../db/writePath'

import { initialTerritorialUnits } from '../../../domain/reference/rustaviUnits'

export const systemActor: Actor = { userId: 'system', userName: 'სისტემა' }

/** Seeds the units once, on a store that has none. */
export function seedTerritorialUnits(db: Db, write: WritePath): void {
  if (listTerritorialUnits(db).length > 0) return
  write(
    systemActor,
    initialTerritorialUnits.map((unit) => ({
      op: 'insert' as const,
      entity: 'territorialUnit' as const,
      id: unit.id,
      values: { code: unit.code, nameKa: unit.nameKa, nameEn: unit.nameEn },
    })),
  )
}
