import { bulkLoad } from '../../../db/bulkLoad'
import type { Db } from '../../../db/database'
import { listTerritorialUnits } from '../../../db/reference/territorialUnits'
import { firstPeriodNotDue, rebuildAccounts } from '../../../db/sanitation/accountSummary'
import { sanitationSettings } from '../../../db/sanitation/rules'
import { rebuildSanitationSearch } from '../../../db/sanitation/searchIndex'
import { isoDateInTbilisi } from '../../../domain/georgian/dates'
import { initialTerritorialUnits } from '../../../domain/reference/rustaviUnits'
import {
  type DemoSanitationEntity,
  type DemoSanitationOptions,
  demoSanitationRows,
} from '../../../domain/sanitation/demoData'
import { DEMO_SANITATION_SEED, demoIdSequence } from '../../../domain/sanitation/demoIds'
import { seedSanitationReference } from './sanitationReference'
import { systemActor } from './territorialUnits'

const entities: readonly DemoSanitationEntity[] = [
  'sanitationTariffVersion',
  'sanitationTariffRate',
  'sanitationBillingRun',
  'sanitationPayer',
  'sanitationExemption',
  'sanitationChargeLine',
  'sanitationPayment',
  'sanitationInstalmentPlan',
  'sanitationInspection',
]

/**
 * Seeds a PC on its own with the demo sanitation registry (domain/sanitation/demoData.ts), once, on
 * a store without payers: settled rows loaded in bulk with no outbox rows, then the payer search
 * and the account summaries built from them. The ids are the server's demo ids (same generator,
 * same seed: server/seed/demoSanitation.ts).
 */
export function seedDemoSanitation(
  db: Db,
  options: Pick<DemoSanitationOptions, 'households' | 'organisations' | 'today' | 'seed'>,
): number {
  if (options.households + options.organisations <= 0 || hasPayers(db)) return 0
  // The server's unit ids in the server's order, so both make the same city.
  const present = new Set(listTerritorialUnits(db).map((u) => u.id))
  const unitIds = initialTerritorialUnits.map((u) => u.id)
  if (!unitIds.every((id) => present.has(id))) {
    throw new Error('seed the territorial units before the demo sanitation registry')
  }
  // The demo's charges are priced with the default bands: the bands billing reads must be there.
  seedSanitationReference(db, options.today)
  const seed = options.seed ?? DEMO_SANITATION_SEED
  const rows = demoSanitationRows(unitIds, { ...options, seed, newId: demoIdSequence(seed) })
  const today = isoDateInTbilisi(options.today.getTime())
  return bulkLoad(db, rowsOf(rows), {
    entities,
    at: options.today.toISOString(),
    by: systemActor.userId,
    rebuild: (client) => {
      rebuildSanitationSearch(client)
      rebuildAccounts(client, firstPeriodNotDue(today, sanitationSettings().graceDays))
    },
  })
}

function* rowsOf<T>(groups: Iterable<readonly T[]>): Generator<T> {
  for (const group of groups) yield* group
}

function hasPayers(db: Db): boolean {
  return db.$client.prepare('SELECT 1 FROM sanitation_payer LIMIT 1').get() !== undefined
}
