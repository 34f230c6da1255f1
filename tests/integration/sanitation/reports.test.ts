import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  ArrearsAgeingReport,
  TopDebtorsReport,
  UnitCollectionReport,
} from '../../../domain/sanitation/reportViews'
import type { CollectionReport, PayerAccountView, PayerListPage } from '../../../domain/sanitation/views'
import { joinDepartment } from '../../support/departments'
import { expectOk, startTestBackend, type TestBackend } from '../../support/testBackend'

// 15 March 2026 in Tbilisi: the demo billed March 2025 ... February 2026.
const now = () => new Date('2026-03-15T08:00:00Z')
const range = { fromPeriod: '2025-03', toPeriod: '2026-03' }
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0)

describe('the head reports on a real SQLite file with the demo city (400 payers)', () => {
  let t: TestBackend
  let head: string
  let clerk: string

  beforeAll(async () => {
    t = await startTestBackend({ now, demoPayers: { households: 360, organisations: 40 } })
    for (const user of ['clerk', 'head']) joinDepartment(t.backend.db, user, 'sanitation')
    head = await t.signIn('head')
    clerk = await t.signIn('clerk')
  })
  afterAll(() => t.close())

  const call = async <T>(name: string, input: object, as = head) =>
    expectOk(await t.call(as, name, input)) as T

  it('collection by territorial unit: totals are the sums of the units, and the same as by month', async () => {
    const units = await call<UnitCollectionReport>('sanitation.unitCollectionReport', range)
    const months = await call<CollectionReport>('sanitation.collectionReport', range)
    expect(units.units.length).toBe(10)
    expect(units.chargedTetri).toBe(sum(units.units.map((u) => u.chargedTetri)))
    expect(units.paidTetri).toBe(sum(units.units.map((u) => u.paidTetri)))
    expect(units.chargedTetri).toBeGreaterThan(0)
    expect(units.paidTetri).toBeGreaterThan(0)
    expect({ charged: units.chargedTetri, paid: units.paidTetri }).toEqual({
      charged: months.chargedTetri,
      paid: months.paidTetri,
    })
    // A shorter range is smaller, and still adds up.
    const one = await call<UnitCollectionReport>('sanitation.unitCollectionReport', {
      fromPeriod: '2025-06',
      toPeriod: '2025-06',
    })
    expect(one.chargedTetri).toBe(sum(one.units.map((u) => u.chargedTetri)))
    expect(one.chargedTetri).toBeLessThan(units.chargedTetri)
  })

  it("arrears ageing: totals are the sums of the units and buckets, and equal every payer card's ageing", async () => {
    const report = await call<ArrearsAgeingReport>('sanitation.arrearsAgeingReport', {})
    const buckets = ['d0to30', 'd31to90', 'd91to180', 'd181to365', 'over365'] as const
    for (const b of buckets) expect(report.totals[b]).toBe(sum(report.units.map((u) => u[b])))
    expect(report.totals.totalTetri).toBe(sum(report.units.map((u) => u.totalTetri)))
    expect(report.totals.debtors).toBe(sum(report.units.map((u) => u.debtors)))
    for (const u of report.units) expect(u.totalTetri).toBe(sum(buckets.map((b) => u[b])))
    expect(report.totals.totalTetri).toBeGreaterThan(0)

    // The SQL ageing is the account's rule: add up every payer card (domain/sanitation/account.ts).
    const cards = { debtors: 0, totalTetri: 0, d0to30: 0, d31to90: 0, d91to180: 0, d181to365: 0, over365: 0 }
    const page = await call<PayerListPage>('sanitation.listPayers', { limit: 500 }, clerk)
    expect(page.total).toBe(400)
    for (const row of page.rows) {
      const card = await call<PayerAccountView>('sanitation.payerAccount', { id: row.id }, clerk)
      if (card.arrearsTetri > 0) cards.debtors++
      cards.totalTetri += card.arrearsTetri
      for (const b of buckets) cards[b] += card.ageing[b]
    }
    expect(report.totals).toEqual(cards)
  })

  it('top debtors: largest arrears first, totals are the sums of the rows, a unit narrows them', async () => {
    const top = await call<TopDebtorsReport>('sanitation.topDebtors', { limit: 20 })
    expect(top.rows.length).toBe(20)
    const arrears = top.rows.map((r) => r.arrearsTetri)
    expect(arrears).toEqual([...arrears].sort((a, b) => b - a))
    expect(top.arrearsTetri).toBe(sum(arrears))
    expect(top.balanceTetri).toBe(sum(top.rows.map((r) => r.balanceTetri)))
    const largest = await call<PayerListPage>('sanitation.listPayers', { limit: 1 }, clerk)
    expect(top.rows[0]!.arrearsTetri).toBe(largest.rows[0]!.arrearsTetri)

    const unit = top.rows[0]!.territorialUnitId
    const inUnit = await call<TopDebtorsReport>('sanitation.topDebtors', {
      territorialUnitId: unit,
      limit: 1000,
    })
    expect(inUnit.rows.every((r) => r.territorialUnitId === unit && r.arrearsTetri > 0)).toBe(true)
    const ageing = await call<ArrearsAgeingReport>('sanitation.arrearsAgeingReport', {})
    const unitAgeing = ageing.units.find((u) => u.territorialUnitId === unit)!
    expect({ debtors: inUnit.rows.length, arrears: inUnit.arrearsTetri }).toEqual({
      debtors: unitAgeing.debtors,
      arrears: unitAgeing.totalTetri,
    })
  })

  it('refuses the reports to a clerk, and a range that ends before it starts', async () => {
    for (const [name, input] of [
      ['sanitation.unitCollectionReport', range],
      ['sanitation.arrearsAgeingReport', {}],
      ['sanitation.topDebtors', {}],
    ] as const) {
      expect(await t.call(clerk, name, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(
      await t.call(head, 'sanitation.unitCollectionReport', { fromPeriod: '2026-03', toPeriod: '2025-03' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { toPeriod: 'sanitation.period.endBeforeStart' } },
    })
  })

  it('writes a report table to an xlsx workbook that reads back with its money in lari', async () => {
    const top = await call<TopDebtorsReport>('sanitation.topDebtors', { limit: 5 })
    const { contentBase64 } = await call<{ contentBase64: string }>('exports.tableWorkbook', {
      title: 'ყველაზე დიდი დავალიანება',
      columns: [
        { header: 'გადამხდელი', kind: 'text' },
        { header: 'დავალიანება', kind: 'money' },
      ],
      rows: top.rows.map((r) => [r.name, r.arrearsTetri]),
      footer: ['სულ', top.arrearsTetri],
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ExcelJS.Buffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.name).toBe('ყველაზე დიდი დავალიანება')
    expect(sheet.getRow(1).values).toEqual([undefined, 'გადამხდელი', 'დავალიანება'])
    expect(sheet.rowCount).toBe(7)
    for (let i = 0; i < 5; i++) {
      expect(sheet.getCell(i + 2, 1).value).toBe(top.rows[i]!.name)
      expect(Math.round((sheet.getCell(i + 2, 2).value as number) * 100)).toBe(top.rows[i]!.arrearsTetri)
    }
    expect(sheet.getCell(7, 2).numFmt).toBe('#,##0.00')
    expect(Math.round((sheet.getCell(7, 2).value as number) * 100)).toBe(top.arrearsTetri)
    expect(sheet.getCell(7, 1).font?.bold).toBe(true)

    expect(
      await t.call(head, 'exports.tableWorkbook', {
        title: 'x',
        columns: [{ header: 'a', kind: 'text' }],
        rows: [['a', 'b']],
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
