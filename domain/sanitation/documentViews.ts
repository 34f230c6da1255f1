import { z } from 'zod'
import { Id } from '../text'
import { Period } from './period'
import { ChargeKind, PayerKind } from './vocabulary'

// What the printed documents of the sanitation registry show: a counter payment's receipt and a
// period's payment notice. Money: whole tetri; the renderer writes it in figures and in words.

const Int = z.number().int()

const Issuer = z.object({ municipality: z.string(), service: z.string(), law: z.string() }).strict()

export const PayerOnDocument = z
  .object({
    id: Id,
    kind: PayerKind,
    name: z.string(),
    paymentCode: z.string(),
    personalNumber: z.string().nullable(),
    companyCode: z.string().nullable(),
    address: z.string(),
    territorialUnitName: z.string(),
  })
  .strict()
export type PayerOnDocument = z.infer<typeof PayerOnDocument>

export const ReceiptView = z
  .object({
    issuer: Issuer,
    paymentId: Id,
    receiptNumber: z.string(),
    paidOn: z.string(),
    amountTetri: Int,
    note: z.string(),
    /** Who took the payment, as the record's history has it ('' when it came from another PC unnamed). */
    acceptedBy: z.string(),
    payer: PayerOnDocument,
    /** The Sakrebulo's resolution the payer's latest charge rests on. */
    legalBasis: z.string(),
    /** What the payer owes (negative: credit) as of `asOf`, this payment counted. */
    balanceTetri: Int,
    asOf: z.string(),
  })
  .strict()
export type ReceiptView = z.infer<typeof ReceiptView>

export const NoticeLine = z
  .object({
    kind: ChargeKind,
    amountTetri: Int,
    rateCode: z.string(),
    rateTetri: Int,
    quantityHundredths: Int,
    reliefPercent: Int,
  })
  .strict()

export const PaymentNoticeView = z
  .object({
    issuer: Issuer,
    period: z.string(),
    issuedOn: z.string(),
    dueOn: z.string(),
    payer: PayerOnDocument,
    lines: z.array(NoticeLine),
    /** The net of the period's lines. */
    periodTetri: Int,
    /** Everything else on the account: earlier debt (positive) or credit (negative). */
    previousTetri: Int,
    /** To pay: previous + period (negative: the payer is in credit). */
    balanceTetri: Int,
    /** The acts the period's lines rest on, each once. */
    legalBasis: z.array(z.string()),
  })
  .strict()
export type PaymentNoticeView = z.infer<typeof PaymentNoticeView>

export const PaymentNoticeQuery = z.object({ payerId: Id, period: Period }).strict()

/** Notices of every payer of a territorial unit charged in the period, in delivery order (street, building, apartment). */
export const PaymentNoticeBatchQuery = z.object({ territorialUnitId: Id, period: Period }).strict()

export const PaymentNoticeBatch = z.object({ notices: z.array(PaymentNoticeView) }).strict()
