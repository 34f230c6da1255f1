import { z } from 'zod'
import { ShortText } from '../text'

// The full stored rows of the reference scope's replicated tables (db/schema/reference.ts, without
// the system columns).

export const TerritorialUnitRow = z
  .object({
    code: z.string().regex(/^\d{1,4}$/, 'validation.invalidFormat'),
    nameKa: ShortText,
    nameEn: ShortText,
  })
  .strict()
export type TerritorialUnitRow = z.infer<typeof TerritorialUnitRow>
