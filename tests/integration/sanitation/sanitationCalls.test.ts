import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addLease } from '../../../db/sync/numberPool'
import { georgianToLatinLayout } from '../../../domain/georgian/transliterate'
import type {
  BankImportReportView,
  BillingRunProgress,
  CollectionReport,
  PayerAccountView,
  PayerListPage,
} from '../../../domain/sanitation/views'
import { expectOk, startTestBackend, type TestBackend } from '../../support/testBackend'

// 15 March 2026 in Tbilisi: the demo billed March 2025 ... February 2026; March is not billed yet.
const now = () => new Date('2026-03-15T08:00:00Z')

describe('sanitation calls through the dispatch, on a demo city of 600 payers', () => {
  let t: TestBackend
  let clerk: string
  let head: string
  let auditor: string
  const count = (table: string) =>
    t.backend.db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  const list = async (input: object) =>
    expectOk(await t.call(clerk, 'sanitation.listPayers', input)) as PayerListPage
  const account = async (id: string) =>
    expectOk(await t.call(clerk, 'sanitation.payerAccount', { id })) as PayerAccountView

  beforeAll(async () => {
    t = await startTestBackend({ now, demoPayers: { households: 550, organisations: 50 } })
    clerk = await t.signIn('clerk')
    head = await t.signIn('head')
    auditor = await t.signIn('auditor')
  })
  afterAll(() => t.close())

  it('lists payers by arrears, largest first, with the balance and arrears of their accounts', async () => {
    const page = await list({ limit: 50 })
    expect(page.total).toBe(600)
    const arrears = page.rows.map((r) => r.arrearsTetri)
    expect(arrears).toEqual([...arrears].sort((a, b) => b - a))
    expect(arrears[0]).toBeGreaterThan(0)
    // The list's figures are the account's: check the first rows and some from deep in the list.
    const deep = await list({ offset: 500, limit: 5, sort: 'name', direction: 'asc' })
    for (const row of [...page.rows.slice(0, 5), ...deep.rows]) {
      const a = await account(row.id)
      expect({ balance: row.balanceTetri, arrears: row.arrearsTetri }).toEqual({
        balance: a.balanceTetri,
        arrears: a.arrearsTetri,
      })
      expect(a.balanceTetri).toBe(a.charges.reduce((s, l) => s + l.amountTetri, 0) - a.paidTetri)
      expect(Object.values(a.ageing).reduce((s, v) => s + v, 0)).toBe(a.arrearsTetri)
    }
    const names = deep.rows.map((r) => r.name)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  })

  it('filters by territorial unit and kind, and pages through all of them', async () => {
    const first = (await list({ limit: 1 })).rows[0]!
    const filtered = await list({
      territorialUnitId: first.territorialUnitId,
      kind: 'organisation',
      limit: 500,
    })
    expect(filtered.rows.length).toBe(filtered.total)
    expect(
      filtered.rows.every(
        (r) => r.kind === 'organisation' && r.territorialUnitId === first.territorialUnitId,
      ),
    ).toBe(true)
    const ids = new Set<string>()
    for (let offset = 0; offset < 600; offset += 100) {
      for (const r of (await list({ offset, limit: 100 })).rows) ids.add(r.id)
    }
    expect(ids.size).toBe(600)
  })

  it('finds a household by its name typed on a Latin keyboard layout, by personal number and by payment code', async () => {
    const household = (await list({ kind: 'household', limit: 1, sort: 'name' })).rows[0]!
    const card = await account(household.id)
    const surname = household.name.split(' ').at(-1)!
    const byLatin = await list({ search: georgianToLatinLayout(surname), limit: 500 })
    expect(byLatin.rows.map((r) => r.id)).toContain(household.id)
    const byNumber = await list({ search: card.payer.personalNumber! })
    expect(byNumber.rows.map((r) => r.id)).toContain(household.id)
    expect((await list({ search: household.paymentCode })).rows.map((r) => r.id)).toEqual([household.id])
  })

  it('previews, runs, re-runs and reverses the monthly billing (a head), with progress and an audit record', async () => {
    const request = { period: '2026-03', territorialUnitId: null }
    expect(await t.call(clerk, 'sanitation.startBillingRun', request)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const preview = expectOk(await t.call(clerk, 'sanitation.previewBilling', request)) as {
      newLines: number
      newTetri: number
      payerCount: number
    }
    expect(preview.payerCount).toBe(600)
    expect(preview.newLines).toBeGreaterThan(500)
    const linesBefore = count('sanitation_charge_line')
    const outboxBefore = count('outbox')

    const started = expectOk(await t.call(head, 'sanitation.startBillingRun', request)) as {
      billingRunId: string
      totalLines: number
    }
    expect(started.totalLines).toBe(preview.newLines)
    let progress: BillingRunProgress
    do {
      await new Promise((r) => setTimeout(r, 20))
      progress = expectOk(
        await t.call(clerk, 'sanitation.billingRunProgress', { billingRunId: started.billingRunId }),
      ) as BillingRunProgress
    } while (progress.state === 'running')
    expect(progress).toMatchObject({
      state: 'completed',
      doneLines: preview.newLines,
      doneTetri: preview.newTetri,
    })
    expect(count('sanitation_charge_line') - linesBefore).toBe(preview.newLines)
    // One outbox row per line, and the run's insert and its completion.
    expect(count('outbox') - outboxBefore).toBe(preview.newLines + 2)

    const again = expectOk(await t.call(head, 'sanitation.startBillingRun', request)) as {
      billingRunId: null
    }
    expect(again.billingRunId).toBeNull()
    expect(count('sanitation_charge_line') - linesBefore).toBe(preview.newLines)

    const reversed = expectOk(
      await t.call(head, 'sanitation.reverseBillingRun', {
        billingRunId: started.billingRunId,
        reason: 'არასწორი ტარიფით',
      }),
    ) as { lineCount: number; totalTetri: number }
    expect(reversed).toEqual({ lineCount: preview.newLines, totalTetri: -preview.newTetri })
    const run = (
      expectOk(await t.call(auditor, 'sanitation.billingRuns', { period: '2026-03' })) as {
        id: string
        state: string
        reversedBy: string
        reversalReason: string
      }[]
    ).find((r) => r.id === started.billingRunId)
    expect(run).toMatchObject({
      state: 'reversed',
      reversedBy: 'გიორგი მამულაშვილი',
      reversalReason: 'არასწორი ტარიფით',
    })
    expect(
      await t.call(head, 'sanitation.reverseBillingRun', { billingRunId: started.billingRunId, reason: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { billingRunId: 'sanitation.billingRun.alreadyReversed' } },
    })
    // Billing again after the reversal charges the month once more (the reversed charge no longer counts).
    const rerun = expectOk(await t.call(clerk, 'sanitation.previewBilling', request)) as { newLines: number }
    expect(rerun.newLines).toBe(preview.newLines)
  })

  it('takes a counter payment with a receipt number from the leased block, and refuses one without numbers', async () => {
    const payer = (await list({ limit: 1 })).rows[0]!
    const before = await account(payer.id)
    const payment = { payerId: payer.id, amountTetri: 1_250, paidOn: '2026-03-15', note: '' }
    expect(await t.call(clerk, 'sanitation.recordCounterPayment', payment)).toMatchObject({
      ok: false,
      error: { code: 'NUMBERS_EXHAUSTED', fields: { receiptNumber: 'sanitation.payment.noReceiptNumbers' } },
    })
    addLease(t.backend.db, {
      series: 'receipt',
      department: 'sanitation',
      year: 2026,
      from: 101,
      to: 150,
      expiresAt: '2026-06-30T00:00:00.000Z',
    })
    const first = expectOk(await t.call(clerk, 'sanitation.recordCounterPayment', payment)) as {
      receiptNumber: string
    }
    const second = expectOk(await t.call(clerk, 'sanitation.recordCounterPayment', payment)) as {
      receiptNumber: string
    }
    expect([first.receiptNumber, second.receiptNumber]).toEqual(['receipt-2026-101', 'receipt-2026-102'])
    const after = await account(payer.id)
    expect(after.paidTetri - before.paidTetri).toBe(2_500)
    expect(after.history[0]).toMatchObject({ entity: 'sanitationPayment', userName: 'ნინო კაპანაძე' })
    const row = (await list({ search: payer.paymentCode })).rows[0]!
    expect(row.balanceTetri).toBe(after.balanceTetri)

    expect(await t.call(auditor, 'sanitation.recordCounterPayment', payment)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(
      await t.call(clerk, 'sanitation.recordCounterPayment', { ...payment, amountTetri: -5 }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(
      await t.call(clerk, 'sanitation.recordCounterPayment', { ...payment, paidOn: '2026-04-01' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { paidOn: 'sanitation.payment.future' } },
    })
  })

  it('imports a bank statement: a dry run writes nothing, the confirmation books the matched rows, the same file twice changes nothing', async () => {
    const payers = (await list({ limit: 3, sort: 'paymentCode' })).rows
    const header = 'თარიღი,ტრანზაქციის ID,გადამხდელის კოდი,თანხა,გადამხდელი'
    const csv = [
      header,
      `10.03.2026,T-1,${payers[0]!.paymentCode},"12,40",ნინო`,
      `10.03.2026,T-2,${payers[1]!.paymentCode},"7,00",გიორგი`,
      `11.03.2026,T-3,1000000000,"5,00",უცნობი`,
      `11.03.2026,T-4,${payers[2]!.paymentCode},"-3,00",უკან`,
      `11.03.2026,T-5,${payers[2]!.paymentCode},"abc",ცუდი`,
      `10.03.2026,T-1,${payers[0]!.paymentCode},"12,40",ნინო`,
      `01.04.2026,T-6,${payers[2]!.paymentCode},"1,00",მომავალი`,
      `12.03.2026,T-7,${payers[2]!.paymentCode},"3,15",თამარ`,
    ].join('\n')
    const file = {
      fileName: 'tbc-march.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      formatCode: 'tbcCsv',
    }
    const tables = ['sanitation_payment', 'sanitation_bank_import', 'sanitation_bank_import_line', 'outbox']
    const counts = () => tables.map(count)
    const before = counts()

    const dry = expectOk(await t.call(clerk, 'sanitation.dryRunBankImport', file)) as BankImportReportView
    expect(counts()).toEqual(before)
    expect(dry.importId).toBeNull()
    expect(dry.lines.map((l) => l.status)).toEqual([
      'matched',
      'matched',
      'unmatched',
      'invalid',
      'invalid',
      'duplicate',
      'invalid',
      'matched',
    ])
    expect(dry.lines[3]!.problems).toContain('negativeAmount')
    expect(dry.lines[6]!.problems).toContain('futureDate')
    expect(dry.counts).toEqual({ matched: 3, unmatched: 1, ambiguous: 0, duplicate: 1, invalid: 3 })
    // Report sums equal the sums of their lines.
    const sum = (lines: BankImportReportView['lines']) => lines.reduce((s, l) => s + (l.amountTetri ?? 0), 0)
    expect(dry.matchedTetri).toBe(sum(dry.lines.filter((l) => l.status === 'matched')))
    expect(dry.matchedTetri).toBe(1_240 + 700 + 315)
    expect(dry.totalTetri).toBe(sum(dry.lines))

    const done = expectOk(await t.call(clerk, 'sanitation.confirmBankImport', file)) as BankImportReportView
    expect(done.importId).not.toBeNull()
    const after = counts()
    expect(after[0]! - before[0]!).toBe(3)
    expect(after[2]! - before[2]!).toBe(8)
    const paid = t.backend.db.$client
      .prepare(
        `SELECT sum(p.amount_tetri) FROM sanitation_payment p
         JOIN sanitation_bank_import_line l ON l.id = p.bank_import_line_id WHERE l.import_id = ?`,
      )
      .pluck()
      .get(done.importId)
    expect(paid).toBe(done.matchedTetri)

    expect(await t.call(clerk, 'sanitation.confirmBankImport', file)).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE', fields: { file: 'sanitation.bankImport.alreadyImported' } },
    })
    expect(counts()).toEqual(after)
    const again = expectOk(await t.call(clerk, 'sanitation.dryRunBankImport', file)) as BankImportReportView
    expect(again.alreadyImported).toBe(true)
    expect(again.counts.matched).toBe(0)

    // The unmatched row waits in the queue until a clerk names its payer.
    const queue = expectOk(await t.call(clerk, 'sanitation.bankQueue', {})) as {
      id: string
      rowNumber: number
    }[]
    expect(queue.map((q) => q.rowNumber)).toEqual([4])
    const balanceBefore = (await account(payers[2]!.id)).balanceTetri
    expectOk(
      await t.call(clerk, 'sanitation.resolveBankLine', { lineId: queue[0]!.id, payerId: payers[2]!.id }),
    )
    expect((await account(payers[2]!.id)).balanceTetri).toBe(balanceBefore - 500)
    expect(expectOk(await t.call(clerk, 'sanitation.bankQueue', {}))).toEqual([])
    expect(
      await t.call(clerk, 'sanitation.resolveBankLine', { lineId: queue[0]!.id, payerId: payers[2]!.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { lineId: 'sanitation.bankImport.notInQueue' } },
    })
  })

  it('reports malformed files as coded errors and writes nothing', async () => {
    const before = count('sanitation_bank_import_line')
    const latin1 = Buffer.from([0x74, 0x68, 0xe9, 0x0a, 0xff, 0xfe])
    expect(
      await t.call(clerk, 'sanitation.dryRunBankImport', {
        fileName: 'x.csv',
        contentBase64: latin1.toString('base64'),
        formatCode: 'tbcCsv',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { file: 'sanitation.bankImport.encoding' } },
    })
    const noColumns = Buffer.from('a,b,c\n1,2,3\n').toString('base64')
    expect(
      await t.call(clerk, 'sanitation.confirmBankImport', {
        fileName: 'x.csv',
        contentBase64: noColumns,
        formatCode: 'tbcCsv',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { file: 'sanitation.bankImport.missingColumn' } },
    })
    expect(
      await t.call(clerk, 'sanitation.dryRunBankImport', {
        fileName: 'x.csv',
        contentBase64: noColumns,
        formatCode: 'nope',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { formatCode: 'sanitation.bankImport.unknownFormat' } },
    })
    expect(count('sanitation_bank_import_line')).toBe(before)
  })

  it('gives the collection report to a head and an auditor, not a clerk; its totals are the sums of its lines', async () => {
    const range = { fromPeriod: '2025-03', toPeriod: '2026-03' }
    expect(await t.call(clerk, 'sanitation.collectionReport', range)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const report = expectOk(await t.call(auditor, 'sanitation.collectionReport', range)) as CollectionReport
    expect(report.months.length).toBeGreaterThanOrEqual(12)
    expect(report.chargedTetri).toBe(report.months.reduce((s, m) => s + m.chargedTetri, 0))
    expect(report.paidTetri).toBe(report.months.reduce((s, m) => s + m.paidTetri, 0))
    const client = t.backend.db.$client
    const lines = client
      .prepare("SELECT amount_tetri FROM sanitation_charge_line WHERE period BETWEEN '2025-03' AND '2026-03'")
      .pluck()
      .all() as number[]
    expect(report.chargedTetri).toBe(lines.reduce((s, v) => s + v, 0))
    const payments = client
      .prepare(
        "SELECT amount_tetri FROM sanitation_payment WHERE paid_on BETWEEN '2025-03-01' AND '2026-03-31'",
      )
      .pluck()
      .all() as number[]
    expect(report.paidTetri).toBe(payments.reduce((s, v) => s + v, 0))
  })
})
