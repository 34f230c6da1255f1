import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BankFileFormat } from '../../../domain/sanitation/bankFileFormat'
import type { BankImportReportView, PayerListPage } from '../../../domain/sanitation/views'
import { joinDepartment } from '../../support/departments'
import { expectOk, startTestBackend, type TestBackend } from '../../support/testBackend'

const now = () => new Date('2026-03-15T08:00:00Z')

type Row = [Date | string, string, string | number, number | string, string]

/** A statement as a bank's xlsx export holds it: real date cells, amounts as numbers. */
async function workbook(rows: Row[], options: { titleRows?: string[] } = {}): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('ამონაწერი')
  for (const title of options.titleRows ?? []) sheet.addRow([title])
  sheet.addRow(['თარიღი', 'ტრანზაქციის ID', 'გადამხდელის კოდი', 'თანხა', 'გადამხდელი'])
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
}

describe('bank statements as xlsx workbooks, read by the same rules as CSV', () => {
  let t: TestBackend
  let clerk: string
  let codes: string[]
  const count = (table: string) =>
    t.backend.db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

  beforeAll(async () => {
    t = await startTestBackend({ now, demoPayers: { households: 90, organisations: 10 } })
    joinDepartment(t.backend.db, 'clerk', 'sanitation')
    clerk = await t.signIn('clerk')
    const page = expectOk(
      await t.call(clerk, 'sanitation.listPayers', { limit: 3, sort: 'paymentCode' }),
    ) as PayerListPage
    codes = page.rows.map((r) => r.paymentCode)
  })
  afterAll(() => t.close())

  it('gives the same lines for an xlsx statement as for the same statement in CSV, and imports it once', async () => {
    const day = (d: number) => new Date(Date.UTC(2026, 2, d))
    const rows: Row[] = [
      [day(10), 'X-1', codes[0]!, 12.4, 'ნინო'],
      [day(10), 'X-2', codes[1]!, 7, 'გიორგი'],
      [day(11), 'X-3', '1000000000', 5, 'უცნობი'],
      [day(11), 'X-4', codes[2]!, -3, 'უკან'],
      [day(10), 'X-1', codes[0]!, 12.4, 'ნინო'],
      [new Date(Date.UTC(2026, 3, 1)), 'X-6', codes[2]!, 1, 'მომავალი'],
      // A code typed as a number and an amount written as text, as clerks' sheets have them.
      [day(12), 'X-7', Number(codes[2]!), '3,15', 'თამარ'],
    ]
    const csv = [
      'თარიღი,ტრანზაქციის ID,გადამხდელის კოდი,თანხა,გადამხდელი',
      `10.03.2026,X-1,${codes[0]},"12,40",ნინო`,
      `10.03.2026,X-2,${codes[1]},"7,00",გიორგი`,
      '11.03.2026,X-3,1000000000,"5,00",უცნობი',
      `11.03.2026,X-4,${codes[2]},"-3,00",უკან`,
      `10.03.2026,X-1,${codes[0]},"12,40",ნინო`,
      `01.04.2026,X-6,${codes[2]},"1,00",მომავალი`,
      `12.03.2026,X-7,${codes[2]},"3,15",თამარ`,
    ].join('\n')
    const xlsx = { fileName: 'tbc-march.xlsx', contentBase64: await workbook(rows), formatCode: 'tbcCsv' }
    const before = count('sanitation_payment')
    const fromXlsx = expectOk(
      await t.call(clerk, 'sanitation.dryRunBankImport', xlsx),
    ) as BankImportReportView
    const fromCsv = expectOk(
      await t.call(clerk, 'sanitation.dryRunBankImport', {
        fileName: 'tbc-march.csv',
        contentBase64: Buffer.from(csv).toString('base64'),
        formatCode: 'tbcCsv',
      }),
    ) as BankImportReportView
    expect(count('sanitation_payment')).toBe(before)
    expect(fromXlsx.lines.map((l) => l.status)).toEqual([
      'matched',
      'matched',
      'unmatched',
      'invalid',
      'duplicate',
      'invalid',
      'matched',
    ])
    expect(fromXlsx.lines).toEqual(fromCsv.lines)
    expect(fromXlsx.matchedTetri).toBe(1_240 + 700 + 315)

    const done = expectOk(await t.call(clerk, 'sanitation.confirmBankImport', xlsx)) as BankImportReportView
    expect(done.importId).not.toBeNull()
    expect(count('sanitation_payment') - before).toBe(3)
    // The same workbook saved again is the same file: refused, nothing written.
    const again = { ...xlsx, contentBase64: await workbook(rows) }
    expect(await t.call(clerk, 'sanitation.confirmBankImport', again)).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE', fields: { file: 'sanitation.bankImport.alreadyImported' } },
    })
    expect(count('sanitation_payment') - before).toBe(3)
  })

  it('applies the column mapping of a format of its own: title rows skipped, columns by position', async () => {
    const format: BankFileFormat = {
      code: 'clerkSheet',
      nameKa: 'ხელით შედგენილი ცხრილი',
      nameEn: 'Hand-made sheet',
      delimiter: ',',
      skipLines: 2,
      hasHeader: true,
      columns: { payerCode: 3, amount: 4, date: 1, reference: null, payerName: 'გადამხდელი' },
      dateFormat: 'yyyy-MM-dd',
      amountUnit: 'lari',
    }
    const contentBase64 = await workbook([[new Date(Date.UTC(2026, 2, 2)), '', codes[1]!, 2.5, 'ლევანი']], {
      titleRows: ['ამონაწერი', 'ანგარიში GE00TB0000000000000000'],
    })
    const report = expectOk(
      await t.call(clerk, 'sanitation.dryRunBankImport', { fileName: 'own.xlsx', contentBase64, format }),
    ) as BankImportReportView
    expect(report.lines).toMatchObject([
      { rowNumber: 4, status: 'matched', amountTetri: 250, paidOn: '2026-03-02', payerName: 'ლევანი' },
    ])
  })

  it('refuses a broken workbook and an empty one with coded errors', async () => {
    const zipButNotXlsx = Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6]).toString('base64')
    expect(
      await t.call(clerk, 'sanitation.dryRunBankImport', {
        fileName: 'broken.xlsx',
        contentBase64: zipButNotXlsx,
        formatCode: 'tbcCsv',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { file: 'sanitation.bankImport.workbookUnreadable' } },
    })
    expect(
      await t.call(clerk, 'sanitation.dryRunBankImport', {
        fileName: 'empty.xlsx',
        contentBase64: await workbook([]),
        formatCode: 'tbcCsv',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { file: 'sanitation.bankImport.empty' } },
    })
  })
})
