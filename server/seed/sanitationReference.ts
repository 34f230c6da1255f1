import { initialReferenceRows } from '../../domain/sanitation/initialReferenceRows'
import type { ServerContext } from '../context'
import { seedSettledRows } from './settledRows'

/**
 * On a store that has never had the sanitation registry's reference data: the defaults
 * (domain/sanitation/initialReferenceRows.ts, fixed ids) as settled rows of the sanitation scope, so
 * every PC of the department receives them. A head edits them from then on. Returns the rows written.
 */
export function seedSanitationReference(ctx: Pick<ServerContext, 'db' | 'now' | 'notify'>): Promise<number> {
  return seedSettledRows(ctx, 'sanitation', 'sanitationActivityCategory', () => [initialReferenceRows])
}
