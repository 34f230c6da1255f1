import { z } from 'zod'
import { Id } from '../text'

/** Rustavi's territorial (administrative) units: reference data an administrator edits. */
export const TerritorialUnit = z
  .object({ id: Id, code: z.string(), nameKa: z.string(), nameEn: z.string() })
  .strict()
export type TerritorialUnit = z.infer<typeof TerritorialUnit>
