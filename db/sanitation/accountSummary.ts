import type Database from 'better-sqlite3'
import { addDays } from '../../domain/georgian/dates'
import { periodOfDate } from '../../domain/sanitation/period'
import { builtInOneStep, type RebuildableIndex } from '../sync/deferredIndexes'
import type { DerivedIndex } from '../writePath'

// Each live payer's balance and arrears (`sanitation_payer_account`), so the payer list sorts and
// filters 50,000 payers by an index instead of summing their lines on every page.
//
// Arrears are the open amounts of the overdue periods. Payments and credits settle the oldest
// period first (domain/sanitation/account.ts) and the overdue periods are the oldest ones, so a
// payer's arrears are max(0, overdue positive nets - payments - negative nets): the same figure as
// `payerAccount` gives, without walking the periods. The periods overdue are those before
// `sanitation_account_state.due_before`; when a day makes another period overdue the whole table is
// computed again (`ensureAccountsCurrent`).

/** The first period not yet overdue on `asOf`: the one whose due day (its last day + grace) is on or after it. */
export const firstPeriodNotDue = (asOf: string, graceDays: number): string =>
  periodOfDate(addDays(asOf, -graceDays))

const touchingEntities = new Set(['sanitationPayer', 'sanitationChargeLine', 'sanitationPayment'])

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>()
function statements(client: Database.Database) {
  let s = cache.get(client)
  if (!s) {
    s = prepare(client)
    cache.set(client, s)
  }
  return s
}

const summarySelect = (where: string) => `
  WITH nets AS (
    SELECT payer_id, period, sum(amount_tetri) AS net FROM sanitation_charge_line
    WHERE deleted_at IS NULL ${where === '' ? '' : 'AND payer_id = @payerId'} GROUP BY payer_id, period
  ), lines AS (
    SELECT payer_id, sum(net) AS charged,
      sum(CASE WHEN net > 0 AND period < @dueBefore THEN net ELSE 0 END) AS overdue,
      sum(CASE WHEN net < 0 THEN -net ELSE 0 END) AS credits
    FROM nets GROUP BY payer_id
  ), paid AS (
    SELECT payer_id, sum(amount_tetri) AS paid FROM sanitation_payment
    WHERE deleted_at IS NULL ${where === '' ? '' : 'AND payer_id = @payerId'} GROUP BY payer_id
  )
  SELECT p.id, p.kind, p.territorial_unit_id, p.name, p.payment_code,
    coalesce(l.charged, 0), coalesce(d.paid, 0), coalesce(l.charged, 0) - coalesce(d.paid, 0),
    max(0, coalesce(l.overdue, 0) - coalesce(l.credits, 0) - coalesce(d.paid, 0))
  FROM sanitation_payer p
  LEFT JOIN lines l ON l.payer_id = p.id
  LEFT JOIN paid d ON d.payer_id = p.id
  WHERE p.deleted_at IS NULL ${where}`

const insertColumns = `INSERT OR REPLACE INTO sanitation_payer_account
  (payer_id, kind, territorial_unit_id, name, payment_code, charged_tetri, paid_tetri, balance_tetri, arrears_tetri)`

function prepare(client: Database.Database) {
  return {
    dueBefore: client.prepare('SELECT due_before FROM sanitation_account_state WHERE id = 1').pluck(),
    setDueBefore: client.prepare(
      'INSERT OR REPLACE INTO sanitation_account_state (id, due_before) VALUES (1, ?)',
    ),
    one: client.prepare(`${insertColumns} ${summarySelect('AND p.id = @payerId')}`),
    remove: client.prepare('DELETE FROM sanitation_payer_account WHERE payer_id = ?'),
    line: client.prepare(
      'SELECT payer_id AS payerId, period, amount_tetri AS amount, deleted_at AS deletedAt FROM sanitation_charge_line WHERE id = ?',
    ),
    payment: client.prepare(
      'SELECT payer_id AS payerId, amount_tetri AS amount, deleted_at AS deletedAt FROM sanitation_payment WHERE id = ?',
    ),
    addPayment: client.prepare(
      `UPDATE sanitation_payer_account SET paid_tetri = paid_tetri + @amount, balance_tetri = balance_tetri - @amount,
         arrears_tetri = max(0, arrears_tetri - @amount)
       WHERE payer_id = @payerId`,
    ),
    addCharge: client.prepare(
      `UPDATE sanitation_payer_account SET charged_tetri = charged_tetri + ?, balance_tetri = balance_tetri + ?
       WHERE payer_id = ?`,
    ),
  }
}

const FAR_FUTURE = '9999-12'

/**
 * Keeps the touched payers' rows in step, inside the write path's transaction. A new charge of a
 * period not yet overdue only adds to the balance (a billing run's 50,000 lines), a new payment only
 * lowers balance and arrears (a bank import's 10,000); any other change has the payer's row computed
 * again from its lines and payments.
 */
const keepAccounts: DerivedIndex = (client, written) => {
  const s = statements(client)
  const dueBefore = (s.dueBefore.get() as string | undefined) ?? FAR_FUTURE
  const recompute = new Set<string>()
  for (const w of written) {
    if (!touchingEntities.has(w.entity)) continue
    if (w.entity === 'sanitationPayer') recompute.add(w.id)
    else if (w.entity === 'sanitationPayment') {
      const payment = w.inserted
        ? { payerId: w.inserted.payerId as string, amount: w.inserted.amountTetri as number, deletedAt: null }
        : (s.payment.get(w.id) as { payerId: string; amount: number; deletedAt: string | null } | undefined)
      if (!payment) continue
      // arrears = max(0, X - paid), so paying a more gives max(0, arrears - a), whatever X is.
      if (w.op === 'insert' && payment.deletedAt === null && !recompute.has(payment.payerId)) {
        s.addPayment.run({ amount: payment.amount, payerId: payment.payerId })
      } else recompute.add(payment.payerId)
    } else {
      const line = w.inserted
        ? {
            payerId: w.inserted.payerId as string,
            period: w.inserted.period as string,
            amount: w.inserted.amountTetri as number,
          }
        : (s.line.get(w.id) as { payerId: string; period: string; amount: number } | undefined)
      if (!line) continue
      if (w.op === 'insert' && line.period >= dueBefore && line.amount > 0 && !recompute.has(line.payerId)) {
        s.addCharge.run(line.amount, line.amount, line.payerId)
      } else recompute.add(line.payerId)
    }
  }
  for (const payerId of recompute) {
    s.remove.run(payerId)
    s.one.run({ payerId, dueBefore })
  }
}

export const sanitationAccountIndex: RebuildableIndex = Object.assign(keepAccounts, {
  entities: touchingEntities as ReadonlySet<string>,
  rebuild: (client: Database.Database) => rebuildAccounts(client),
  ...builtInOneStep((client) => rebuildAccounts(client)),
  fields: {
    sanitationPayer: ['kind', 'territorialUnitId', 'name', 'paymentCode', 'deletedAt'],
    sanitationChargeLine: ['payerId', 'period', 'amountTetri', 'deletedAt'],
    sanitationPayment: ['payerId', 'amountTetri', 'deletedAt'],
  },
})

/** Computes every payer's row again, with the overdue cutoff the table already has (or `dueBefore`). */
export function rebuildAccounts(client: Database.Database, dueBefore?: string): void {
  const s = statements(client)
  const cutoff = dueBefore ?? (s.dueBefore.get() as string | undefined) ?? FAR_FUTURE
  client.transaction(() => {
    client.prepare('DELETE FROM sanitation_payer_account').run()
    client.prepare(`${insertColumns} ${summarySelect('')}`).run({ dueBefore: cutoff })
    s.setDueBefore.run(cutoff)
  })()
}

/** Brings arrears up to `asOf`: when another period has become overdue since, every row is computed again. */
export function ensureAccountsCurrent(client: Database.Database, asOf: string, graceDays: number): void {
  const wanted = firstPeriodNotDue(asOf, graceDays)
  if (statements(client).dueBefore.get() === wanted) return
  rebuildAccounts(client, wanted)
}
