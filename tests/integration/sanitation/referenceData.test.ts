import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { BankFormatPreviewView, ReferenceDataView } from '../../../domain/sanitation/referenceContract'
import type {
  BankImportReportView,
  BillingPreviewView,
  PayerListPage,
} from '../../../domain/sanitation/views'
import { joinDepartment } from '../../support/departments'
import { expectOk, startTestBackend, type TestBackend } from '../../support/testBackend'

// The registry's reference data on a PC (real SQLite, the app's own calls): seeded with the
// defaults, read by a clerk, changed only by a head, and read back by billing and the bank import.

// 15 March 2026 in Tbilisi: the demo billed up to February.
const now = () => new Date('2026-03-15T08:00:00Z')

describe('sanitation reference data', () => {
  let t: TestBackend
  let clerk: string
  let head: string
  const reference = async () =>
    expectOk(await t.call(clerk, 'sanitation.listReferenceData', {})) as ReferenceDataView
  const outbox = () => t.backend.db.$client.prepare('SELECT entity, op FROM outbox ORDER BY seq').all()
  const preview = async (period: string) =>
    expectOk(await t.call(head, 'sanitation.previewBilling', { period, territorialUnitId: null })) as z.infer<
      typeof BillingPreviewView
    >
  const formatOf = async (code: string) => (await reference()).bankFormats.find((f) => f.code === code)!

  beforeAll(async () => {
    t = await startTestBackend({ now, demoPayers: { households: 270, organisations: 30 } })
    for (const user of ['clerk', 'head']) joinDepartment(t.backend.db, user, 'sanitation')
    clerk = await t.signIn('clerk')
    head = await t.signIn('head')
  })
  afterAll(() => t.close())

  it('starts from the defaults, all in use, which a clerk reads and may not change', async () => {
    const data = await reference()
    expect(data.categories.map((c) => c.code)).toContain('retail')
    expect(data.categories).toHaveLength(12)
    expect(data.bands.map((b) => [b.code, b.minScore, b.maxScore])).toEqual([
      ['vulnerable', 0, 57_000],
      ['lowIncome', 57_001, 100_000],
    ])
    expect(data.bankFormats.map((f) => f.code)).toEqual(['bogCsv', 'tbcCsv', 'treasuryCsv'])
    expect(data.bankFormats.find((f) => f.code === 'treasuryCsv')!.columns.amount).toBe(4)
    expect([...data.categories, ...data.bands, ...data.bankFormats].every((i) => i.retiredOn === null)).toBe(
      true,
    )

    const retail = data.categories.find((c) => c.code === 'retail')!
    const before = outbox()
    for (const [name, input] of [
      ['createActivityCategory', { code: 'kiosk', nameKa: 'ჯიხური', nameEn: 'Kiosk', unit: 'sqm' }],
      [
        'updateActivityCategory',
        { id: retail.id, version: retail.version, nameKa: 'x', nameEn: 'x', unit: 'bed' },
      ],
      [
        'retireReferenceItem',
        { kind: 'activityCategory', id: retail.id, version: retail.version, retired: true },
      ],
    ] as const) {
      expect(await t.call(clerk, `sanitation.${name}`, input)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
    expect(outbox()).toEqual(before)
    expect(await reference()).toEqual(data)
  })

  it('lets a head add, edit and retire a category: codes stay unique, an edit needs the version it saw', async () => {
    const before = outbox().length
    const kiosk = { code: 'kiosk', nameKa: 'ჯიხური', nameEn: 'Kiosk', unit: 'sqm' }
    const { id } = expectOk(await t.call(head, 'sanitation.createActivityCategory', kiosk)) as { id: string }
    expect(
      await t.call(head, 'sanitation.createActivityCategory', { ...kiosk, nameEn: 'Kiosk 2' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE', fields: { code: 'sanitation.reference.codeTaken' } },
    })
    const edit = { id, version: 1, nameKa: 'სავაჭრო ჯიხური', nameEn: 'Kiosk', unit: 'sqm' }
    expectOk(await t.call(head, 'sanitation.updateActivityCategory', edit))
    expect(
      await t.call(head, 'sanitation.updateActivityCategory', { ...edit, nameEn: 'Stall' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'STALE_VERSION' },
    })
    expectOk(
      await t.call(head, 'sanitation.retireReferenceItem', {
        kind: 'activityCategory',
        id,
        version: 2,
        retired: true,
      }),
    )
    const stored = (await reference()).categories.find((c) => c.id === id)!
    expect(stored).toMatchObject({ nameKa: 'სავაჭრო ჯიხური', retiredOn: '2026-03-15', version: 3 })
    // The forms no longer offer it (the payer and tariff forms choose from what is in use).
    const offered = expectOk(await t.call(clerk, 'sanitation.referenceData', {})) as {
      activityCategories: { code: string }[]
    }
    expect(offered.activityCategories.map((c) => c.code)).not.toContain('kiosk')
    expect(offered.activityCategories.map((c) => c.code)).toContain('retail')
    // A retired code is still taken: old records name it.
    expect(await t.call(head, 'sanitation.createActivityCategory', kiosk)).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE' },
    })
    // Every change is an outbox row, so it reaches the other PCs of the service.
    expect(outbox().slice(before)).toEqual([
      { entity: 'sanitationActivityCategory', op: 'insert' },
      { entity: 'sanitationActivityCategory', op: 'update' },
      { entity: 'sanitationActivityCategory', op: 'update' },
    ])
  })

  it('refuses a band that overlaps one in use; a retired band leaves billing from the next period', async () => {
    const overlapping = { code: 'poor', nameKa: 'ღარიბი', nameEn: 'Poor', minScore: 50_000, maxScore: 60_000 }
    expect(await t.call(head, 'sanitation.createSocialBand', overlapping)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { minScore: 'sanitation.band.overlap' } },
    })
    expect(
      await t.call(head, 'sanitation.createSocialBand', { ...overlapping, minScore: 9, maxScore: 3 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { maxScore: 'sanitation.band.range' } },
    })

    const march = await preview('2026-03')
    const april = await preview('2026-04')
    const vulnerable = (await reference()).bands.find((b) => b.code === 'vulnerable')!
    const retire = (retired: boolean, version: number) =>
      t.call(head, 'sanitation.retireReferenceItem', {
        kind: 'socialBand',
        id: vulnerable.id,
        version,
        retired,
      })
    expectOk(await retire(true, vulnerable.version))
    // Retired on 15 March: March is still billed with the band, April at the full rate.
    expect(await preview('2026-03')).toEqual(march)
    const aprilWithout = await preview('2026-04')
    expect(aprilWithout.newTetri).toBeGreaterThan(april.newTetri)
    expect(aprilWithout.newLines).toBe(april.newLines)
    // While it is retired, another band may take its scores; bringing it back would then overlap.
    const { id: poor } = expectOk(
      await t.call(head, 'sanitation.createSocialBand', { ...overlapping, minScore: 0, maxScore: 1_000 }),
    ) as { id: string }
    expect(await retire(false, vulnerable.version + 1)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { minScore: 'sanitation.band.overlap' } },
    })
    expectOk(
      await t.call(head, 'sanitation.retireReferenceItem', {
        kind: 'socialBand',
        id: poor,
        version: 1,
        retired: true,
      }),
    )
    expectOk(await retire(false, vulnerable.version + 1))
    expect(await preview('2026-04')).toEqual(april)
  })

  it('imports with the mapping a head set; a retired format is not offered, its old imports still name it', async () => {
    const payers = (
      expectOk(
        await t.call(clerk, 'sanitation.listPayers', { limit: 2, sort: 'paymentCode' }),
      ) as PayerListPage
    ).rows
    const file = (csv: string, formatCode: string, fileName = 'statement.csv') => ({
      fileName,
      contentBase64: Buffer.from(csv).toString('base64'),
      formatCode,
    })
    // The bank moved the amount to the last column and renamed it; the first column is the date.
    const newLayout = [
      'თარიღი;კოდი;ბანკის ნომერი;დასახელება;ჩარიცხვა',
      `02.03.2026;${payers[0]!.paymentCode};B-1;ნინო;4,80`,
      `03.03.2026;${payers[1]!.paymentCode};B-2;გიორგი;2,40`,
    ].join('\n')
    expect(await t.call(clerk, 'sanitation.dryRunBankImport', file(newLayout, 'tbcCsv'))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })

    const tbc = await formatOf('tbcCsv')
    const { id: _id, version, retiredOn: _r, code: _c, ...fields } = tbc
    const mapping = {
      ...fields,
      delimiter: ';',
      columns: {
        payerCode: 'კოდი',
        amount: 'ჩარიცხვა',
        date: 1,
        reference: 'ბანკის ნომერი',
        payerName: null,
      },
    }
    const tried = expectOk(
      await t.call(head, 'sanitation.previewBankFormat', {
        format: { ...mapping, code: 'tbcCsv' },
        fileName: 'sample.csv',
        contentBase64: Buffer.from(newLayout).toString('base64'),
      }),
    ) as BankFormatPreviewView
    expect(tried.fileProblem).toBeNull()
    expect(tried.lines.map((l) => [l.amountTetri, l.paidOn, l.problems])).toEqual([
      [480, '2026-03-02', []],
      [240, '2026-03-03', []],
    ])
    expect(
      await t.call(clerk, 'sanitation.previewBankFormat', {
        format: tbc,
        fileName: 'a.csv',
        contentBase64: 'YQ==',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })

    expectOk(await t.call(head, 'sanitation.updateBankFormat', { id: tbc.id, version, ...mapping }))
    const dry = expectOk(
      await t.call(clerk, 'sanitation.dryRunBankImport', file(newLayout, 'tbcCsv')),
    ) as BankImportReportView
    expect(dry.lines.map((l) => [l.status, l.amountTetri, l.payerName])).toEqual([
      ['matched', 480, ''],
      ['matched', 240, ''],
    ])
    const done = expectOk(
      await t.call(clerk, 'sanitation.confirmBankImport', file(newLayout, 'tbcCsv', 'march.csv')),
    ) as BankImportReportView

    expectOk(
      await t.call(head, 'sanitation.retireReferenceItem', {
        kind: 'bankFormat',
        id: tbc.id,
        version: version + 1,
        retired: true,
      }),
    )
    const another = newLayout.replace('B-1', 'B-3').replace('B-2', 'B-4')
    expect(await t.call(clerk, 'sanitation.dryRunBankImport', file(another, 'tbcCsv'))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { formatCode: 'sanitation.bankImport.retiredFormat' } },
    })
    // Not under a mapping of the file's own either, and the import screen no longer lists it.
    expect(
      await t.call(clerk, 'sanitation.dryRunBankImport', {
        fileName: 'statement.csv',
        contentBase64: Buffer.from(another).toString('base64'),
        formatCode: null,
        format: { ...mapping, code: 'tbcCsv' },
      }),
    ).toMatchObject({ ok: false, error: { fields: { formatCode: 'sanitation.bankImport.retiredFormat' } } })
    const listed = expectOk(await t.call(clerk, 'sanitation.bankFileFormats', {})) as { code: string }[]
    expect(listed.map((f) => f.code)).toEqual(['bogCsv', 'treasuryCsv'])
    // The import made with it still names it, and the format is still there to show it.
    const importFormat = t.backend.db.$client
      .prepare('SELECT format_code FROM sanitation_bank_import WHERE id = ?')
      .pluck()
      .get(done.importId)
    expect(importFormat).toBe('tbcCsv')
    expect(await formatOf('tbcCsv')).toMatchObject({ retiredOn: '2026-03-15', delimiter: ';' })
  })
})
