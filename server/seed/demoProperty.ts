import { v7 as uuidv7 } from 'uuid'
import { demoPropertyRows } from '../../domain/property/demoData'
import { initialTerritorialUnits } from '../../domain/reference/rustaviUnits'
import type { ServerContext } from '../context'
import { seedSettledRows } from './settledRows'

/**
 * `--demo` on a store without property objects: the demo municipality's property registry
 * (domain/property/demoData.ts), written as settled data (server/seed/settledRows.ts), so every
 * enrolled PC gets it by snapshot or pull like any other data. Returns the rows written.
 */
export async function seedDemoProperty(
  ctx: Pick<ServerContext, 'db' | 'now' | 'notify'>,
  options: { objects: number; seed?: number },
): Promise<number> {
  if (options.objects <= 0) return 0
  const unitIds = initialTerritorialUnits.map((u) => u.id)
  return seedSettledRows(ctx, 'property', 'propertyObject', (at) =>
    demoPropertyRows(unitIds, { objects: options.objects, today: at, seed: options.seed, newId: uuidv7 }),
  )
}
