import { getTableColumns } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { payerAccount } from '../../domain/sanitation/account'
import type { PayerAccountView } from '../../domain/sanitation/views'
import type { Db } from '../database'
import { historyOf } from '../history'
import {
  sanitationExemption,
  sanitationInspection,
  sanitationInstalmentPlan,
  sanitationPayer,
  sanitationPayment,
} from '../schema'
import { systemColumnKeys } from '../schema/replicated'
import { linesOfPayer, sanitationSettings } from './rules'

const hidden = new Set<string>(systemColumnKeys.filter((k) => k !== 'id' && k !== 'version'))

/** `SELECT <column> AS <key>, ...` of a table's clerk columns with id and version. */
function selectList(table: SQLiteTable): string {
  return Object.entries(getTableColumns(table))
    .filter(([key]) => !hidden.has(key))
    .map(([key, column]) => `"${column.name}" AS "${key}"`)
    .join(', ')
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>()
function prepare(db: Db) {
  const client = db.$client
  const of = (table: SQLiteTable, name: string, order: string) =>
    client.prepare(
      `SELECT ${selectList(table)} FROM ${name} WHERE payer_id = ? AND deleted_at IS NULL ORDER BY ${order}`,
    )
  return {
    payer: client.prepare(
      `SELECT ${selectList(sanitationPayer)} FROM sanitation_payer WHERE id = ? AND deleted_at IS NULL`,
    ),
    payments: of(sanitationPayment, 'sanitation_payment', 'paid_on, rowid'),
    plans: of(sanitationInstalmentPlan, 'sanitation_instalment_plan', 'agreed_on, rowid'),
    exemptions: of(sanitationExemption, 'sanitation_exemption', 'from_period, rowid'),
    inspections: of(sanitationInspection, 'sanitation_inspection', 'visited_on, rowid'),
  }
}

/**
 * The payer's card: the record, the account as of `asOf` (charges, payments, balance, arrears by
 * age), instalment plans, the payer's own exemptions, inspections and the history of all of them.
 */
export function payerCard(db: Db, payerId: string, asOf: string): PayerAccountView | null {
  let s = cache.get(db)
  if (!s) {
    s = prepare(db)
    cache.set(db, s)
  }
  const payer = s.payer.get(payerId) as PayerAccountView['payer'] | undefined
  if (!payer) return null
  const lines = linesOfPayer(db, payerId)
  const payments = s.payments.all(payerId) as PayerAccountView['payments']
  const account = payerAccount(lines, payments, asOf, sanitationSettings().graceDays)
  const versions = new Map(
    (
      db.$client
        .prepare('SELECT id, version FROM sanitation_charge_line WHERE payer_id = ? AND deleted_at IS NULL')
        .all(payerId) as { id: string; version: number }[]
    ).map((r) => [r.id, r.version]),
  )
  return {
    payer,
    asOf,
    ...account,
    charges: lines.map((l) => ({ ...l, version: versions.get(l.id) ?? 1 })),
    payments,
    plans: s.plans.all(payerId) as PayerAccountView['plans'],
    exemptions: s.exemptions.all(payerId) as PayerAccountView['exemptions'],
    inspections: s.inspections.all(payerId) as PayerAccountView['inspections'],
    history: historyOf(db, payerId),
  }
}
