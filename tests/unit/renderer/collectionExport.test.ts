import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { ExportTable } from '../../../domain/exports/exportTable'
import { collectionExport } from '../../../renderer/src/sanitation/reports/collectionExport'

const t = ((key: string) => `<${key}>`) as unknown as TFunction

describe('the collection reports export', () => {
  it('writes a row a month or unit with its rate, and the total with the rate of the totals', () => {
    const table = collectionExport(
      t,
      'Units',
      '<unit>',
      [
        { key: 'a', label: 'Unit A', chargedTetri: 10_000, paidTetri: 8_000 },
        { key: 'b', label: 'Unit B', chargedTetri: 0, paidTetri: 500 },
      ],
      { chargedTetri: 10_000, paidTetri: 8_500 },
    )
    expect(ExportTable.safeParse(table).success).toBe(true)
    expect(table.columns.map((c) => [c.header, c.kind])).toEqual([
      ['<unit>', 'text'],
      ['<sanitation.reports.charged>', 'money'],
      ['<sanitation.reports.paid>', 'money'],
      ['<sanitation.reports.rate>', 'percent'],
    ])
    expect(table.rows).toEqual([
      ['Unit A', 10_000, 8_000, 0.8],
      ['Unit B', 0, 500, null],
    ])
    expect(table.footer).toEqual(['<sanitation.reports.total>', 10_000, 8_500, 0.85])
  })
})
