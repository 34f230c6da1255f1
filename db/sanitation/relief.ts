import type { AccountPayment } from '../../domain/sanitation/account'
import { type Amnesty, type AmnestyAccountLine, amnestyLines } from '../../domain/sanitation/amnesty'
import type { AmnestyOutcome } from '../../domain/sanitation/editSchemas'
import type {
  SanitationAmnestyRow,
  SanitationChargeLineRow,
  SanitationExemptionRow,
  SanitationInstalmentPlanRow,
} from '../../domain/sanitation/rows'
import type { PayerKind } from '../../domain/sanitation/vocabulary'
import type { Db } from '../database'
import { sanitationSettings } from './rules'

// Relief as the store holds it: exemptions, instalment plans and period amnesties, and the lines a
// new amnesty would add to every account it covers (domain/sanitation/amnesty.ts decides them).

type Stored<T> = T & { id: string; version: number }

const exemptionColumns = `id, version, target, payer_id AS payerId, target_code AS targetCode,
  relief_percent AS reliefPercent, from_period AS fromPeriod, to_period AS toPeriod,
  legal_act_number AS legalActNumber, legal_act_date AS legalActDate, legal_act_kind AS legalActKind, reason`

/** Exemptions, the general ones (by category, band, all households) and, when asked, each payer's. */
export function exemptionList(db: Db, includePayers: boolean): Stored<SanitationExemptionRow>[] {
  return db.$client
    .prepare(
      `SELECT ${exemptionColumns} FROM sanitation_exemption
       WHERE deleted_at IS NULL AND (? OR target <> 'payer') ORDER BY from_period DESC, rowid DESC`,
    )
    .all(includePayers ? 1 : 0) as Stored<SanitationExemptionRow>[]
}

export function storedExemption(db: Db, id: string): Stored<SanitationExemptionRow> | undefined {
  return db.$client
    .prepare(`SELECT ${exemptionColumns} FROM sanitation_exemption WHERE id = ? AND deleted_at IS NULL`)
    .get(id) as Stored<SanitationExemptionRow> | undefined
}

export function storedPlan(db: Db, id: string): Stored<SanitationInstalmentPlanRow> | undefined {
  return db.$client
    .prepare(
      `SELECT id, version, payer_id AS payerId, total_tetri AS totalTetri, instalments,
         first_due_on AS firstDueOn, state, legal_act_number AS legalActNumber,
         legal_act_date AS legalActDate, legal_act_kind AS legalActKind, agreed_on AS agreedOn, note
       FROM sanitation_instalment_plan WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(id) as Stored<SanitationInstalmentPlanRow> | undefined
}

export const activePlanOf = (db: Db, payerId: string): string | undefined =>
  db.$client
    .prepare(
      `SELECT id FROM sanitation_instalment_plan
       WHERE payer_id = ? AND state = 'active' AND deleted_at IS NULL LIMIT 1`,
    )
    .pluck()
    .get(payerId) as string | undefined

/** What the payer owes now (charged minus paid), from the account summary the write path keeps. */
export const balanceOf = (db: Db, payerId: string): number =>
  (db.$client
    .prepare('SELECT balance_tetri FROM sanitation_payer_account WHERE payer_id = ?')
    .pluck()
    .get(payerId) as number | undefined) ?? 0

export function amnestyList(db: Db): Stored<SanitationAmnestyRow>[] {
  return db.$client
    .prepare(
      `SELECT id, version, from_period AS fromPeriod, to_period AS toPeriod, coverage,
         legal_act_number AS legalActNumber, legal_act_date AS legalActDate,
         legal_act_kind AS legalActKind, reason, state, line_count AS lineCount, total_tetri AS totalTetri
       FROM sanitation_amnesty WHERE deleted_at IS NULL ORDER BY legal_act_date DESC, rowid DESC`,
    )
    .all() as Stored<SanitationAmnestyRow>[]
}

export interface PlannedAmnesty {
  lines: SanitationChargeLineRow[]
  outcome: AmnestyOutcome
}

/**
 * The amnesty lines of every payer it covers. Payments settle the oldest period first, so each
 * payer's whole account is read (lines of every period, every payment), not only the covered months.
 */
export function plannedAmnesty(db: Db, amnesty: Amnesty, issuedOn: string): PlannedAmnesty {
  const client = db.$client
  const payers = client.prepare('SELECT id, kind FROM sanitation_payer WHERE deleted_at IS NULL').all() as {
    id: string
    kind: PayerKind
  }[]
  // Only the fields the account reads, in a plain scan: the whole ledger with every column (its
  // legal-basis texts above all) took ~16 s to read at 33,000 payers.
  const linesBy = groupBy(
    client
      .prepare(
        `SELECT payer_id AS payerId, period, kind, amount_tetri AS amountTetri, issued_on AS issuedOn,
           amnesty_id AS amnestyId
         FROM sanitation_charge_line NOT INDEXED WHERE deleted_at IS NULL`,
      )
      .all() as (AmnestyAccountLine & { payerId: string })[],
  )
  const paymentsBy = groupBy(
    client
      .prepare(
        `SELECT id, payer_id AS payerId, amount_tetri AS amountTetri, paid_on AS paidOn
         FROM sanitation_payment NOT INDEXED WHERE deleted_at IS NULL`,
      )
      .all() as (AccountPayment & { payerId: string })[],
  )
  const settings = sanitationSettings()
  const out: PlannedAmnesty = {
    lines: [],
    outcome: { payerCount: 0, lineCount: 0, forgivenTetri: 0, creditedTetri: 0 },
  }
  for (const payer of payers) {
    const lines = linesBy.get(payer.id)
    if (!lines) continue
    const result = amnestyLines(amnesty, payer, lines, paymentsBy.get(payer.id) ?? [], {
      issuedOn,
      graceDays: settings.graceDays,
      sakrebuloGenitive: settings.sakrebuloGenitive,
    })
    if (result.lines.length === 0) continue
    out.lines.push(...result.lines)
    out.outcome.payerCount += 1
    out.outcome.forgivenTetri += result.forgivenTetri
    out.outcome.creditedTetri += result.creditedTetri
  }
  out.outcome.lineCount = out.lines.length
  return out
}

function groupBy<T extends { payerId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const list = out.get(row.payerId)
    if (list) list.push(row)
    else out.set(row.payerId, [row])
  }
  return out
}
