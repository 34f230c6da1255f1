import type { ChargeLine } from '../../domain/sanitation/ledger'
import type { ChargeRules, Exemption, PayerForBilling } from '../../domain/sanitation/monthlyCharge'
import { firstDayOf } from '../../domain/sanitation/period'
import { defaultSanitationSettings, type SanitationSettings } from '../../domain/sanitation/referenceData'
import type { TariffVersion } from '../../domain/sanitation/tariff'
import type { Db } from '../database'
import { bandsInForce } from './referenceData'

// What the calculators of domain/sanitation need, read from the store: tariff versions with their
// rates, exemptions, payers as billing sees them, the lines of a period.

/**
 * The registry's settings. They are reference data an administrator will edit; until then every PC
 * uses the defaults of domain/sanitation/referenceData.ts. (Social bands are rows a head edits.)
 */
export const sanitationSettings = (): SanitationSettings => defaultSanitationSettings

export function loadTariffVersions(db: Db): TariffVersion[] {
  const client = db.$client
  const versions = client
    .prepare(
      `SELECT id, resolution_number AS resolutionNumber, resolution_date AS resolutionDate,
         effective_from AS effectiveFrom, effective_to AS effectiveTo,
         household_rate_tetri AS householdRateTetri, member_cap AS memberCap,
         amends_version_id AS amendsVersionId
       FROM sanitation_tariff_version WHERE deleted_at IS NULL`,
    )
    .all() as Omit<TariffVersion, 'bandRates' | 'activityRates'>[]
  const rates = client
    .prepare(
      `SELECT tariff_version_id AS versionId, rate_kind AS rateKind, code, unit, rate_tetri AS rateTetri
       FROM sanitation_tariff_rate WHERE deleted_at IS NULL`,
    )
    .all() as { versionId: string; rateKind: string; code: string; unit: string | null; rateTetri: number }[]
  return versions.map((v) => {
    const bandRates = new Map<string, number>()
    const activityRates = new Map<string, number>()
    for (const r of rates) {
      if (r.versionId !== v.id) continue
      if (r.rateKind === 'socialBand') bandRates.set(r.code, r.rateTetri)
      else activityRates.set(`activity:${r.code}:${r.unit}`, r.rateTetri)
    }
    return { ...v, bandRates, activityRates }
  })
}

export function loadExemptions(db: Db): Exemption[] {
  return db.$client
    .prepare(
      `SELECT id, target, payer_id AS payerId, target_code AS targetCode, relief_percent AS reliefPercent,
         from_period AS fromPeriod, to_period AS toPeriod, legal_act_number AS legalActNumber,
         legal_act_date AS legalActDate, legal_act_kind AS legalActKind
       FROM sanitation_exemption WHERE deleted_at IS NULL`,
    )
    .all() as Exemption[]
}

/** What billing a period needs; without a period, the bands in use now. */
export function loadChargeRules(db: Db, period?: string): ChargeRules {
  return {
    versions: loadTariffVersions(db),
    bands: bandsInForce(db, period === undefined ? null : firstDayOf(period)),
    exemptions: loadExemptions(db),
    settings: sanitationSettings(),
  }
}

/** Live payers as billing sees them, of one territorial unit or all. */
export function payersForBilling(db: Db, territorialUnitId: string | null): PayerForBilling[] {
  return db.$client
    .prepare(
      `SELECT id, kind, status, territorial_unit_id AS territorialUnitId,
         registered_members AS registeredMembers, social_score AS socialScore,
         activity_category AS activityCategory, billing_unit AS billingUnit,
         billing_quantity AS billingQuantity, billed_from AS billedFrom, closed_on AS closedOn
       FROM sanitation_payer
       WHERE deleted_at IS NULL AND (@unit IS NULL OR territorial_unit_id = @unit)`,
    )
    .all({ unit: territorialUnitId }) as PayerForBilling[]
}

const lineColumns = `id, payer_id AS payerId, period, kind, amount_tetri AS amountTetri,
  tariff_version_id AS tariffVersionId, rate_code AS rateCode, rate_tetri AS rateTetri,
  quantity_hundredths AS quantityHundredths, registered_members AS registeredMembers,
  relief_percent AS reliefPercent, exemption_id AS exemptionId, amnesty_id AS amnestyId,
  legal_basis AS legalBasis, billing_run_id AS billingRunId, related_line_id AS relatedLineId,
  issued_on AS issuedOn, line_key AS lineKey`

/** Every live line of a period (any kind, any run). */
export function linesOfPeriod(db: Db, period: string): ChargeLine[] {
  return db.$client
    .prepare(`SELECT ${lineColumns} FROM sanitation_charge_line WHERE deleted_at IS NULL AND period = ?`)
    .all(period) as ChargeLine[]
}

/** Every live line of the periods from `from` through `to` (null: every later period too). */
export function linesOfPeriods(db: Db, from: string, to: string | null): ChargeLine[] {
  return db.$client
    .prepare(
      `SELECT ${lineColumns} FROM sanitation_charge_line
       WHERE deleted_at IS NULL AND period >= @from AND (@to IS NULL OR period <= @to)
       ORDER BY period, issued_on, rowid`,
    )
    .all({ from, to }) as ChargeLine[]
}

/** Every live line of a payer, oldest period first. */
export function linesOfPayer(db: Db, payerId: string): ChargeLine[] {
  return db.$client
    .prepare(
      `SELECT ${lineColumns} FROM sanitation_charge_line WHERE deleted_at IS NULL AND payer_id = ?
       ORDER BY period, issued_on, rowid`,
    )
    .all(payerId) as ChargeLine[]
}
