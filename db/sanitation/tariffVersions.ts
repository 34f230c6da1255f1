import type { TariffCorrections, TariffVersionView } from '../../domain/sanitation/editSchemas'
import { periodOfDate } from '../../domain/sanitation/period'
import type { SanitationChargeLineRow, SanitationTariffRateRow } from '../../domain/sanitation/rows'
import { tariffRateKey } from '../../domain/sanitation/rows'
import type { TariffVersionFields } from '../../domain/sanitation/schemas'
import { activityRateCode, type TariffVersion } from '../../domain/sanitation/tariff'
import { amendmentCorrections } from '../../domain/sanitation/tariffAmendment'
import type { Db } from '../database'
import { linesOfPeriods, loadTariffVersions, sanitationSettings } from './rules'

// Tariff versions as the tariffs screen shows them, and what adopting a new one does to charges
// already issued: the correction lines of domain/sanitation/tariffAmendment.ts, never an edit.

export function tariffVersionViews(db: Db): TariffVersionView[] {
  const client = db.$client
  const versions = client
    .prepare(
      `SELECT id, version, resolution_number AS resolutionNumber, resolution_date AS resolutionDate,
         effective_from AS effectiveFrom, effective_to AS effectiveTo,
         household_rate_tetri AS householdRateTetri, member_cap AS memberCap,
         amends_version_id AS amendsVersionId, note, corrections_state AS correctionsState,
         correction_count AS correctionCount, correction_tetri AS correctionTetri
       FROM sanitation_tariff_version WHERE deleted_at IS NULL
       ORDER BY effective_from DESC, resolution_date DESC, id DESC`,
    )
    .all() as Omit<TariffVersionView, 'bandRates' | 'activityRates'>[]
  const rates = client
    .prepare(
      `SELECT tariff_version_id AS versionId, rate_kind AS rateKind, code, unit, rate_tetri AS rateTetri
       FROM sanitation_tariff_rate WHERE deleted_at IS NULL ORDER BY code, unit`,
    )
    .all() as (Pick<SanitationTariffRateRow, 'rateKind' | 'code' | 'unit' | 'rateTetri'> & {
    versionId: string
  })[]
  return versions.map((v) => {
    const own = rates.filter((r) => r.versionId === v.id)
    return {
      ...v,
      bandRates: own
        .filter((r) => r.rateKind === 'socialBand')
        .map((r) => ({ band: r.code, rateTetri: r.rateTetri })),
      activityRates: own
        .filter((r) => r.rateKind === 'activity' && r.unit !== null)
        .map((r) => ({ category: r.code, unit: r.unit!, rateTetri: r.rateTetri })),
    }
  })
}

/** The version as the calculators see it. */
export function asTariffVersion(id: string, fields: TariffVersionFields): TariffVersion {
  return {
    id,
    resolutionNumber: fields.resolutionNumber,
    resolutionDate: fields.resolutionDate,
    effectiveFrom: fields.effectiveFrom,
    effectiveTo: fields.effectiveTo,
    householdRateTetri: fields.householdRateTetri,
    memberCap: fields.memberCap,
    amendsVersionId: fields.amendsVersionId,
    bandRates: new Map(fields.bandRates.map((r) => [r.band, r.rateTetri])),
    activityRates: new Map(
      fields.activityRates.map((r) => [activityRateCode(r.category, r.unit), r.rateTetri]),
    ),
  }
}

/** The version's rate rows. */
export function rateRows(id: string, fields: TariffVersionFields): SanitationTariffRateRow[] {
  const rows = [
    ...fields.bandRates.map((r) => ({
      tariffVersionId: id,
      rateKind: 'socialBand' as const,
      code: r.band,
      unit: null,
      rateTetri: r.rateTetri,
    })),
    ...fields.activityRates.map((r) => ({
      tariffVersionId: id,
      rateKind: 'activity' as const,
      code: r.category,
      unit: r.unit,
      rateTetri: r.rateTetri,
    })),
  ]
  return rows.map((r) => ({ ...r, rateKey: tariffRateKey(r) }))
}

export interface PlannedCorrections {
  lines: SanitationChargeLineRow[]
  summary: TariffCorrections
}

/**
 * The correction lines the new version `id` makes, given every version already stored: each
 * issued charge of a period it now governs is brought to what the version makes it.
 */
export function plannedCorrections(
  db: Db,
  id: string,
  fields: TariffVersionFields,
  issuedOn: string,
): PlannedCorrections {
  const version = asTariffVersion(id, fields)
  const lines = linesOfPeriods(
    db,
    periodOfDate(fields.effectiveFrom),
    fields.effectiveTo === null ? null : periodOfDate(fields.effectiveTo),
  )
  // The version itself is stored already when an interrupted adoption is completed.
  const stored = loadTariffVersions(db).filter((v) => v.id !== id)
  const result = amendmentCorrections(version, [...stored, version], lines, {
    sakrebuloGenitive: sanitationSettings().sakrebuloGenitive,
    issuedOn,
    billingRunId: null,
  })
  const payers = new Set(result.lines.map((l) => l.payerId))
  const periods = [...new Set(result.lines.map((l) => l.period))].sort()
  return {
    lines: result.lines,
    summary: {
      lineCount: result.lines.length,
      payerCount: payers.size,
      totalTetri: result.lines.reduce((s, l) => s + l.amountTetri, 0),
      withoutRate: result.withoutRate.length,
      periods,
    },
  }
}

/** A live version adopted on the same day and effective from the same day: the two could not be told apart. */
export function sameDayVersion(db: Db, fields: TariffVersionFields): string | undefined {
  return db.$client
    .prepare(
      `SELECT id FROM sanitation_tariff_version
       WHERE deleted_at IS NULL AND resolution_date = ? AND effective_from = ? LIMIT 1`,
    )
    .pluck()
    .get(fields.resolutionDate, fields.effectiveFrom) as string | undefined
}

export const tariffVersionIsLive = (db: Db, id: string): boolean =>
  db.$client
    .prepare('SELECT 1 FROM sanitation_tariff_version WHERE id = ? AND deleted_at IS NULL')
    .get(id) !== undefined
