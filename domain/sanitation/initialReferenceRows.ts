import { defaultBankFileFormats } from './bankFileFormat'
import { defaultActivityCategories, defaultSocialBands } from './referenceData'
import { layoutJson } from './referenceRows'

// The reference data every installation starts from (the defaults of referenceData.ts and
// bankFileFormat.ts) as rows with fixed ids, so the central server and a PC seeded on its own hold
// the same rows under the same ids (a PC that enrols later receives rows it already has).

export type ReferenceEntity = 'sanitationActivityCategory' | 'sanitationSocialBand' | 'sanitationBankFormat'

export interface InitialReferenceRow {
  entity: ReferenceEntity
  id: string
  values: Record<string, string | number | null>
}

/** `0190a3c0-0000-7000-8000-000000000<block><n>`: block 2 categories, 3 bands, 4 formats. */
const fixedId = (block: number, n: number) =>
  `0190a3c0-0000-7000-8000-000000000${block}${String(n + 1).padStart(2, '0')}`

export const initialReferenceRows: readonly InitialReferenceRow[] = [
  ...defaultActivityCategories.map((c, i) => ({
    entity: 'sanitationActivityCategory' as const,
    id: fixedId(2, i),
    values: { ...c, retiredOn: null },
  })),
  ...defaultSocialBands.map((b, i) => ({
    entity: 'sanitationSocialBand' as const,
    id: fixedId(3, i),
    values: { ...b, retiredOn: null },
  })),
  ...defaultBankFileFormats.map((f, i) => ({
    entity: 'sanitationBankFormat' as const,
    id: fixedId(4, i),
    values: { code: f.code, nameKa: f.nameKa, nameEn: f.nameEn, layout: layoutJson(f), retiredOn: null },
  })),
]

export const referenceEntities: readonly ReferenceEntity[] = [
  'sanitationActivityCategory',
  'sanitationSocialBand',
  'sanitationBankFormat',
]
