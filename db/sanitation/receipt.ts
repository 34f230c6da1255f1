import { payerAccount } from '../../domain/sanitation/account'
import { defaultDocumentIssuer } from '../../domain/sanitation/documentIssuer'
import type { ReceiptView } from '../../domain/sanitation/documentViews'
import { tariffBasis } from '../../domain/sanitation/legalBasis'
import type { Db } from '../database'
import { type PayerOnDocumentRow, payerOnDocument, payerOnDocumentColumns } from './payerOnDocument'
import { linesOfPayer, loadTariffVersions, sanitationSettings } from './rules'

interface PaymentOfReceipt {
  payerId: string
  amountTetri: number
  paidOn: string
  receiptNumber: string | null
  note: string
}

/**
 * A counter payment's receipt: the payment, its payer, the act the fee rests on and the payer's
 * balance as of `asOf` with this payment counted. Null for no such payment, or one without a
 * receipt (a bank payment has its bank's statement instead).
 */
export function receiptOf(db: Db, paymentId: string, asOf: string): ReceiptView | null {
  const client = db.$client
  const payment = client
    .prepare(
      `SELECT payer_id AS payerId, amount_tetri AS amountTetri, paid_on AS paidOn,
         receipt_number AS receiptNumber, note
       FROM sanitation_payment WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(paymentId) as PaymentOfReceipt | undefined
  if (!payment || payment.receiptNumber === null) return null
  const payer = client
    .prepare(
      `SELECT ${payerOnDocumentColumns} FROM sanitation_payer p
       LEFT JOIN territorial_unit u ON u.id = p.territorial_unit_id WHERE p.id = ?`,
    )
    .get(payment.payerId) as PayerOnDocumentRow | undefined
  if (!payer) return null
  const acceptedBy = client
    .prepare(
      `SELECT user_name FROM record_history WHERE row_id = ? AND entity = 'sanitationPayment' AND op = 'insert'
       ORDER BY hlc LIMIT 1`,
    )
    .pluck()
    .get(paymentId) as string | undefined

  const lines = linesOfPayer(db, payment.payerId)
  const payments = client
    .prepare(
      `SELECT id, amount_tetri AS amountTetri, paid_on AS paidOn FROM sanitation_payment
       WHERE payer_id = ? AND deleted_at IS NULL`,
    )
    .all(payment.payerId) as { id: string; amountTetri: number; paidOn: string }[]
  const settings = sanitationSettings()
  // The account as of the later of the two days, so the receipt always counts its own payment.
  const at = payment.paidOn > asOf ? payment.paidOn : asOf
  const account = payerAccount(lines, payments, at, settings.graceDays)
  return {
    issuer: defaultDocumentIssuer,
    paymentId,
    receiptNumber: payment.receiptNumber,
    paidOn: payment.paidOn,
    amountTetri: payment.amountTetri,
    note: payment.note,
    acceptedBy: acceptedBy ?? '',
    payer: payerOnDocument(payer),
    legalBasis: legalBasisOn(db, lines, payment.paidOn, settings.sakrebuloGenitive),
    balanceTetri: account.balanceTetri,
    asOf: at,
  }
}

/** The act of the payer's latest charge; a payer never charged yet: the tariff in force that day. */
function legalBasisOn(
  db: Db,
  lines: readonly { kind: string; legalBasis: string }[],
  day: string,
  sakrebuloGenitive: string,
): string {
  const charged = lines.filter((l) => l.kind === 'charge').at(-1)
  if (charged) return charged.legalBasis
  const version = loadTariffVersions(db)
    .filter((v) => v.effectiveFrom <= day && (v.effectiveTo === null || v.effectiveTo >= day))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
    .at(-1)
  return version ? tariffBasis(sakrebuloGenitive, version) : ''
}
