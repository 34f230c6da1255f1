import { asc, isNull } from 'drizzle-orm'
import type { TerritorialUnit } from '../../domain/reference/territorialUnits'
import type { Db } from '../database'
import { territorialUnit } from '../schema'

export function listTerritorialUnits(db: Db): TerritorialUnit[] {
  return db
    .select({
      id: territorialUnit.id,
      code: territorialUnit.code,
      nameKa: territorialUnit.nameKa,
      nameEn: territorialUnit.nameEn,
    })
    .from(territorialUnit)
    .where(isNull(territorialUnit.deletedAt))
    .orderBy(asc(territorialUnit.code))
    .all()
}
