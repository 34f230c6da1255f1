import type { BankFileFormat } from '../../domain/sanitation/bankFileFormat'
import type { ReferenceEntity } from '../../domain/sanitation/initialReferenceRows'
import type { ActivityCategory, SocialBand } from '../../domain/sanitation/referenceData'
import { bankFormatOfRow } from '../../domain/sanitation/referenceRows'
import type { Db } from '../database'

// The registry's reference data as the services read it: activity categories, social bands and
// bank statement formats, each with its row version and the day it was retired (null: in use).

export interface Stored {
  id: string
  version: number
  retiredOn: string | null
}

export type StoredCategory = ActivityCategory & Stored
export type StoredBand = SocialBand & Stored
export type StoredBankFormat = BankFileFormat & Stored

const stored = 'id, version, code, name_ka AS nameKa, name_en AS nameEn, retired_on AS retiredOn'

export function activityCategories(db: Db): StoredCategory[] {
  return db.$client
    .prepare(
      `SELECT ${stored}, unit FROM sanitation_activity_category WHERE deleted_at IS NULL ORDER BY code`,
    )
    .all() as StoredCategory[]
}

export function socialBands(db: Db): StoredBand[] {
  return db.$client
    .prepare(
      `SELECT ${stored}, min_score AS minScore, max_score AS maxScore
       FROM sanitation_social_band WHERE deleted_at IS NULL ORDER BY min_score, code`,
    )
    .all() as StoredBand[]
}

/**
 * The bands billing applies to a period: those not retired by its first day (`onDay`), or, without
 * a day, those in use now.
 */
export function bandsInForce(db: Db, onDay: string | null): SocialBand[] {
  return socialBands(db)
    .filter((b) => b.retiredOn === null || (onDay !== null && b.retiredOn > onDay))
    .map(({ code, nameKa, nameEn, minScore, maxScore }) => ({ code, nameKa, nameEn, minScore, maxScore }))
}

type FormatRow = Stored & { code: string; nameKa: string; nameEn: string; layout: string }

const formatOf = ({ layout, ...row }: FormatRow): StoredBankFormat => ({
  ...bankFormatOfRow({ ...row, layout }),
  id: row.id,
  version: row.version,
  retiredOn: row.retiredOn,
})

export function bankFormats(db: Db): StoredBankFormat[] {
  const rows = db.$client
    .prepare(`SELECT ${stored}, layout FROM sanitation_bank_format WHERE deleted_at IS NULL ORDER BY code`)
    .all() as FormatRow[]
  return rows.map(formatOf)
}

export function bankFormatByCode(db: Db, code: string): StoredBankFormat | undefined {
  const row = db.$client
    .prepare(`SELECT ${stored}, layout FROM sanitation_bank_format WHERE deleted_at IS NULL AND code = ?`)
    .get(code) as FormatRow | undefined
  return row ? formatOf(row) : undefined
}

const tables: Record<ReferenceEntity, string> = {
  sanitationActivityCategory: 'sanitation_activity_category',
  sanitationSocialBand: 'sanitation_social_band',
  sanitationBankFormat: 'sanitation_bank_format',
}

/** A live row of a reference table, by id. */
export function referenceRow(db: Db, entity: ReferenceEntity, id: string): Stored | undefined {
  return db.$client
    .prepare(
      `SELECT id, version, retired_on AS retiredOn FROM ${tables[entity]} WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(id) as Stored | undefined
}

/** Whether a code is held by any row of the table, retired or not (old records still name it). */
export function referenceCodeTaken(db: Db, entity: ReferenceEntity, code: string): boolean {
  return (
    db.$client.prepare(`SELECT 1 FROM ${tables[entity]} WHERE code = ? AND deleted_at IS NULL`).get(code) !==
    undefined
  )
}
