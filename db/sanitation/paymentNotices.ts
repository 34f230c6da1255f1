import { addDays } from '../../domain/georgian/dates'
import { defaultDocumentIssuer } from '../../domain/sanitation/documentIssuer'
import type { PaymentNoticeView } from '../../domain/sanitation/documentViews'
import { lastDayOf } from '../../domain/sanitation/period'
import type { Db } from '../database'
import { ensureAccountsCurrent } from './accountSummary'
import { type PayerOnDocumentRow, payerOnDocument, payerOnDocumentColumns } from './payerOnDocument'
import { sanitationSettings } from './rules'

type Which = { payerId: string } | { territorialUnitId: string }

interface NoticeLineRow {
  payerId: string
  kind: PaymentNoticeView['lines'][number]['kind']
  amountTetri: number
  rateCode: string
  rateTetri: number
  quantityHundredths: number
  reliefPercent: number
  legalBasis: string
}

/**
 * The payment notices of a period: one payer's, or every payer of a territorial unit that has a
 * line in the period, in delivery order (street, building, apartment). Each shows the period's
 * lines, what else stands on the account, and what to pay (the account's balance).
 */
export function paymentNotices(db: Db, which: Which, period: string, today: string): PaymentNoticeView[] {
  const client = db.$client
  const settings = sanitationSettings()
  ensureAccountsCurrent(client, today, settings.graceDays)
  const byPayer = 'payerId' in which
  const params = { key: byPayer ? which.payerId : which.territorialUnitId, period }
  const payers = client
    .prepare(
      `SELECT ${payerOnDocumentColumns}, a.balance_tetri AS balanceTetri
       FROM sanitation_payer p
       JOIN sanitation_payer_account a ON a.payer_id = p.id
       LEFT JOIN territorial_unit u ON u.id = p.territorial_unit_id
       WHERE p.deleted_at IS NULL AND ${byPayer ? 'p.id = @key' : 'p.territorial_unit_id = @key'}
         AND EXISTS (SELECT 1 FROM sanitation_charge_line l
                     WHERE l.payer_id = p.id AND l.period = @period AND l.deleted_at IS NULL)
       ORDER BY p.street, length(p.building), p.building, length(p.apartment), p.apartment, p.rowid`,
    )
    .all(params) as (PayerOnDocumentRow & { balanceTetri: number })[]
  if (payers.length === 0) return []
  const lines = client
    .prepare(
      `SELECT l.payer_id AS payerId, l.kind, l.amount_tetri AS amountTetri, l.rate_code AS rateCode,
         l.rate_tetri AS rateTetri, l.quantity_hundredths AS quantityHundredths,
         l.relief_percent AS reliefPercent, l.legal_basis AS legalBasis
       FROM sanitation_charge_line l JOIN sanitation_payer p ON p.id = l.payer_id
       WHERE l.period = @period AND l.deleted_at IS NULL AND p.deleted_at IS NULL
         AND ${byPayer ? 'p.id = @key' : 'p.territorial_unit_id = @key'}
       ORDER BY l.issued_on, l.rowid`,
    )
    .all(params) as NoticeLineRow[]
  const linesOf = new Map<string, NoticeLineRow[]>()
  for (const line of lines) {
    const list = linesOf.get(line.payerId)
    if (list) list.push(line)
    else linesOf.set(line.payerId, [line])
  }
  const dueOn = addDays(lastDayOf(period), settings.graceDays)
  return payers.map(({ balanceTetri, ...payer }) => {
    const own = linesOf.get(payer.id) ?? []
    const periodTetri = own.reduce((sum, l) => sum + l.amountTetri, 0)
    return {
      issuer: defaultDocumentIssuer,
      period,
      issuedOn: today,
      dueOn,
      payer: payerOnDocument(payer),
      lines: own.map(({ payerId: _p, legalBasis: _b, ...line }) => line),
      periodTetri,
      previousTetri: balanceTetri - periodTetri,
      balanceTetri,
      legalBasis: [...new Set(own.map((l) => l.legalBasis).filter((b) => b !== ''))],
    }
  })
}
