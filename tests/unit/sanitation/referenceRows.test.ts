import { describe, expect, it } from 'vitest'
import { defaultBankFileFormats } from '../../../domain/sanitation/bankFileFormat'
import { PREVIEW_ROWS, previewBankFormat } from '../../../domain/sanitation/bankFormatPreview'
import { csvStatementTable } from '../../../domain/sanitation/bankStatement'
import { initialReferenceRows } from '../../../domain/sanitation/initialReferenceRows'
import { defaultActivityCategories, defaultSocialBands } from '../../../domain/sanitation/referenceData'
import { bankFormatOfRow, layoutJson } from '../../../domain/sanitation/referenceRows'
import { entities, fullRowSchema, someFieldsSchema } from '../../../domain/sync/entities'
import { fieldErrorsOf } from '../../../domain/validation'

const tbc = defaultBankFileFormats.find((f) => f.code === 'tbcCsv')!
/** A CSV sample's cells, as the backend reads them from the file. */
const csv = (text: string) => {
  const table = csvStatementTable(text, tbc)
  if ('problem' in table) throw new Error(`unreadable at ${table.line}`)
  return table
}
const options = { today: '2026-03-15', absurdPaymentTetri: 10_000_000 }

describe('the reference data as replicated rows', () => {
  it('seeds every default, each valid, with distinct fixed ids and unique codes per entity', () => {
    expect(initialReferenceRows).toHaveLength(
      defaultActivityCategories.length + defaultSocialBands.length + defaultBankFileFormats.length,
    )
    for (const row of initialReferenceRows) {
      expect(fullRowSchema(row.entity).safeParse(row.values).success, `${row.entity} ${row.id}`).toBe(true)
    }
    expect(new Set(initialReferenceRows.map((r) => r.id)).size).toBe(initialReferenceRows.length)
    const keys = initialReferenceRows.map((r) => `${r.entity}/${r.values.code}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const name of [
      'sanitationActivityCategory',
      'sanitationSocialBand',
      'sanitationBankFormat',
    ] as const) {
      expect(entities[name].uniqueKeys.map((k) => k.field)).toEqual(['code'])
      expect(entities[name].writeAction).toBe('approve')
    }
  })

  it('keeps a format whole through its stored layout (JSON text), and reads it back the same', () => {
    for (const format of defaultBankFileFormats) {
      const row = {
        code: format.code,
        nameKa: format.nameKa,
        nameEn: format.nameEn,
        layout: layoutJson(format),
      }
      expect(bankFormatOfRow(row)).toEqual(format)
    }
  })

  it('refuses a stored layout that is not JSON, lacks a column, or names columns by header without one', () => {
    const schema = fullRowSchema('sanitationBankFormat')
    const row = { code: 'x1', nameKa: 'ბანკი', nameEn: 'Bank', layout: layoutJson(tbc), retiredOn: null }
    expect(schema.safeParse(row).success).toBe(true)
    const errors = (layout: string) => {
      const r = schema.safeParse({ ...row, layout })
      return r.success ? {} : fieldErrorsOf(r.error)
    }
    expect(errors('{not json')).toEqual({ layout: 'sanitation.bankFormat.layoutInvalid' })
    const { amount: _amount, ...columns } = tbc.columns
    expect(Object.keys(errors(JSON.stringify({ ...JSON.parse(row.layout), columns })))).toEqual(['layout'])
    expect(errors(JSON.stringify({ ...JSON.parse(row.layout), hasHeader: false }))).toEqual({
      layout: 'sanitation.bankFormat.needsPosition',
    })
    // An update of some fields checks each of them too.
    expect(someFieldsSchema('sanitationBankFormat').safeParse({ layout: '[]' }).success).toBe(false)
  })

  it('refuses a band whose upper score is below its lower one, and a retirement that is not a date', () => {
    const band = { ...defaultSocialBands[0]!, retiredOn: null }
    const schema = fullRowSchema('sanitationSocialBand')
    expect(schema.safeParse(band).success).toBe(true)
    const r = schema.safeParse({ ...band, minScore: 10, maxScore: 5 })
    expect(r.success ? {} : fieldErrorsOf(r.error)).toEqual({ maxScore: 'sanitation.band.range' })
    expect(schema.safeParse({ ...band, retiredOn: '2026-02-30' }).success).toBe(false)
  })
})

describe('trying a mapping on a sample statement', () => {
  const header = 'თარიღი,ტრანზაქციის ID,გადამხდელი,გადამხდელის კოდი,თანხა'
  const row = (n: number) => `0${(n % 9) + 1}.03.2026,TX-${n},ნინო,100000000${n % 10},"1${n},40"`

  it('reads only the first rows with the mapping, and gives the header and the cells by position', () => {
    const text = [header, ...Array.from({ length: 8 }, (_, i) => row(i)), '16.03.2026,TX-9,ნინო,1,-5'].join(
      '\n',
    )
    const preview = previewBankFormat(csv(text), tbc, options)
    expect(preview.fileProblem).toBeNull()
    expect(preview.rowCount).toBe(9)
    expect(preview.header).toEqual(header.split(','))
    expect(preview.cells).toHaveLength(PREVIEW_ROWS)
    expect(preview.cells[0]).toEqual(['01.03.2026', 'TX-0', 'ნინო', '1000000000', '10,40'])
    expect(preview.lines.map((l) => l.amountTetri)).toEqual([1040, 1140, 1240, 1340, 1440])
    expect(preview.lines[0]).toMatchObject({
      rowNumber: 2,
      paidOn: '2026-03-01',
      reference: 'TX-0',
      problems: [],
    })
  })

  it('shows the problems of each row, and what the file lacks for the mapping', () => {
    const bad = [header, '31.02.2026,TX-1,ნინო,,abc', '14.03.2026,TX-2,ნინო,1000000001,"2,00"'].join('\n')
    const preview = previewBankFormat(csv(bad), tbc, options)
    expect(preview.lines.map((l) => l.problems)).toEqual([['badAmount', 'badDate', 'emptyPayerCode'], []])

    const renamed = { ...tbc, columns: { ...tbc.columns, amount: 'ჩარიცხული თანხა' } }
    expect(previewBankFormat(csv(bad), renamed, options)).toMatchObject({
      lines: [],
      rowCount: 2,
      fileProblem: { problem: 'missingColumn', columns: ['ჩარიცხული თანხა'] },
    })
    expect(previewBankFormat(csv(header), tbc, options).fileProblem).toEqual({ problem: 'empty' })
  })
})
