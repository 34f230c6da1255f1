import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addLease } from '../../../db/sync/numberPool'
import { payerAddress } from '../../../domain/sanitation/documentIssuer'
import type { PaymentNoticeView, ReceiptView } from '../../../domain/sanitation/documentViews'
import type { PayerAccountView, PayerListPage } from '../../../domain/sanitation/views'
import { joinDepartment } from '../../support/departments'
import { expectOk, startTestBackend, type TestBackend } from '../../support/testBackend'

// 15 March 2026 in Tbilisi: the demo billed March 2025 ... February 2026.
const now = () => new Date('2026-03-15T08:00:00Z')

describe('the printed documents of the sanitation registry: receipts and payment notices', () => {
  let t: TestBackend
  let clerk: string
  let auditor: string
  const list = async (input: object) =>
    expectOk(await t.call(clerk, 'sanitation.listPayers', input)) as PayerListPage
  const account = async (id: string) =>
    expectOk(await t.call(clerk, 'sanitation.payerAccount', { id })) as PayerAccountView

  beforeAll(async () => {
    t = await startTestBackend({ now, demoPayers: { households: 280, organisations: 20 } })
    for (const user of ['clerk', 'auditor']) joinDepartment(t.backend.db, user, 'sanitation')
    clerk = await t.signIn('clerk')
    auditor = await t.signIn('auditor')
    addLease(t.backend.db, {
      series: 'receipt',
      department: 'sanitation',
      year: 2026,
      from: 501,
      to: 550,
      expiresAt: '2026-06-30T00:00:00.000Z',
    })
  })
  afterAll(() => t.close())

  it("gives a counter payment's receipt: its number, amount, payer, the tariff's act and the balance after it", async () => {
    const payer = (await list({ kind: 'household', limit: 1 })).rows[0]!
    const before = await account(payer.id)
    const paid = expectOk(
      await t.call(clerk, 'sanitation.recordCounterPayment', {
        payerId: payer.id,
        amountTetri: 1_234,
        paidOn: '2026-03-14',
        note: 'ნაღდი ფული',
      }),
    ) as { id: string; receiptNumber: string }
    const receipt = expectOk(
      await t.call(auditor, 'sanitation.receipt', { paymentId: paid.id }),
    ) as ReceiptView
    expect(receipt).toMatchObject({
      receiptNumber: paid.receiptNumber,
      amountTetri: 1_234,
      paidOn: '2026-03-14',
      note: 'ნაღდი ფული',
      acceptedBy: 'ნინო კაპანაძე',
      balanceTetri: before.balanceTetri - 1_234,
      asOf: '2026-03-15',
      payer: {
        id: payer.id,
        name: payer.name,
        paymentCode: payer.paymentCode,
        personalNumber: before.payer.personalNumber,
        companyCode: null,
        address: payerAddress(before.payer),
      },
    })
    expect(receipt.payer.territorialUnitName).not.toBe('')
    const lastCharge = before.charges.filter((l) => l.kind === 'charge').at(-1)!
    expect(receipt.legalBasis).toBe(lastCharge.legalBasis)
    expect(receipt.legalBasis).toMatch(/საკრებულოს .* №.* დადგენილება/)
  })

  it('refuses a receipt for a payment that is not a counter payment, and for no payment', async () => {
    const bankPaymentId = t.backend.db.$client
      .prepare("SELECT id FROM sanitation_payment WHERE channel = 'bank' LIMIT 1")
      .pluck()
      .get() as string
    expect(bankPaymentId).toBeTruthy()
    for (const paymentId of [bankPaymentId, '0190a3c0-0000-7000-8000-00000000ffff']) {
      expect(await t.call(clerk, 'sanitation.receipt', { paymentId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    }
    expect(await t.call(clerk, 'sanitation.receipt', { paymentId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })

  it("gives a payer's notice for a period: the period's lines, what else is owed, and the total, which is the account's balance", async () => {
    const payer = (await list({ kind: 'organisation', limit: 1 })).rows[0]!
    const card = await account(payer.id)
    const notice = expectOk(
      await t.call(clerk, 'sanitation.paymentNotice', { payerId: payer.id, period: '2026-02' }),
    ) as PaymentNoticeView
    const ofPeriod = card.charges.filter((l) => l.period === '2026-02')
    expect(notice.lines.map((l) => l.amountTetri)).toEqual(ofPeriod.map((l) => l.amountTetri))
    expect(notice.periodTetri).toBe(ofPeriod.reduce((s, l) => s + l.amountTetri, 0))
    expect(notice.balanceTetri).toBe(card.balanceTetri)
    expect(notice.previousTetri + notice.periodTetri).toBe(notice.balanceTetri)
    expect(notice.dueOn).toBe(card.periods.find((p) => p.period === '2026-02')!.dueOn)
    expect(notice.legalBasis).toEqual([...new Set(ofPeriod.map((l) => l.legalBasis))])
    expect(notice.payer.companyCode).toBe(card.payer.companyCode)

    expect(
      await t.call(clerk, 'sanitation.paymentNotice', { payerId: payer.id, period: '2024-01' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { period: 'sanitation.notice.nothingCharged' } },
    })
    expect(
      await t.call(clerk, 'sanitation.paymentNotice', { payerId: payer.id, period: '2026-13' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it("gives every notice of a territorial unit's period, one per payer charged in it, in delivery order", async () => {
    const unitId = (await list({ limit: 1 })).rows[0]!.territorialUnitId
    const batch = expectOk(
      await t.call(clerk, 'sanitation.paymentNotices', { territorialUnitId: unitId, period: '2026-02' }),
    ) as { notices: PaymentNoticeView[] }
    const payers = (await list({ territorialUnitId: unitId, limit: 500 })).rows
    const charged: { id: string; balance: number; period: number }[] = []
    for (const row of payers) {
      const card = await account(row.id)
      const lines = card.charges.filter((l) => l.period === '2026-02')
      if (lines.length > 0) {
        charged.push({
          id: row.id,
          balance: card.balanceTetri,
          period: lines.reduce((s, l) => s + l.amountTetri, 0),
        })
      }
    }
    expect(charged.length).toBeGreaterThan(5)
    expect(charged.length).toBeLessThanOrEqual(payers.length)
    const byId = new Map(batch.notices.map((n) => [n.payer.id, n]))
    expect(batch.notices).toHaveLength(charged.length)
    for (const c of charged) {
      expect({ balance: byId.get(c.id)?.balanceTetri, period: byId.get(c.id)?.periodTetri }).toEqual({
        balance: c.balance,
        period: c.period,
      })
    }
    const addresses = batch.notices.map((n) => n.payer.address.split(' ')[0]!)
    expect(addresses).toEqual([...addresses].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  })

  it('has no PDF printer outside the desktop app: the web host prints in the browser', async () => {
    expect(await t.call(clerk, 'system.printToPdf', { fileName: 'ქვითარი 1' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL' },
    })
    expect(await t.call(clerk, 'system.printToPdf', { fileName: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })
})
