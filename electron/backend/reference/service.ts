import type { Db } from '../../../db/database'
import { listTerritorialUnits } from '../../../db/reference/territorialUnits'
import type { referenceCalls } from '../../../domain/reference/contract'
import type { Handlers } from '../dispatch'

export function referenceService(db: Db): Handlers<{ reference: typeof referenceCalls }>['reference'] {
  return { territorialUnits: () => listTerritorialUnits(db) }
}
