import { initialTerritorialUnits } from '../../domain/reference/rustaviUnits'
import { type DemoSanitationOptions, demoSanitationRows } from '../../domain/sanitation/demoData'
import { DEMO_SANITATION_SEED, demoIdSequence } from '../../domain/sanitation/demoIds'
import type { ServerContext } from '../context'
import { seedSettledRows } from './settledRows'

/**
 * `--demo` on a store without sanitation payers: the demo sanitation registry
 * (domain/sanitation/demoData.ts) with the ids a PC on its own gives it
 * (electron/backend/seed/demoSanitation.ts), written as settled data (server/seed/settledRows.ts), so
 * enrolled PCs get it by snapshot like any other data. Returns the rows written.
 */
export async function seedDemoSanitation(
  ctx: Pick<ServerContext, 'db' | 'now' | 'notify'>,
  options: Pick<DemoSanitationOptions, 'households' | 'organisations'> & { seed?: number },
): Promise<number> {
  if (options.households + options.organisations <= 0) return 0
  const seed = options.seed ?? DEMO_SANITATION_SEED
  return seedSettledRows(ctx, 'sanitation', 'sanitationPayer', (at) =>
    demoSanitationRows(
      initialTerritorialUnits.map((u) => u.id),
      { ...options, today: at, seed, newId: demoIdSequence(seed) },
    ),
  )
}
