import type { TFunction } from 'i18next'
import type { ExportTable } from '../../../../domain/exports/exportTable'
import { collectionRate } from './collectionRate'

/** One row of a charged / paid / collection-rate table: a month or a territorial unit. */
export interface CollectionRow {
  key: string
  label: string
  chargedTetri: number
  paidTetri: number
}

/** The charged / paid / rate table as exported to Excel, with its total row. */
export function collectionExport(
  t: TFunction,
  title: string,
  firstHeader: string,
  rows: CollectionRow[],
  total: { chargedTetri: number; paidTetri: number },
): ExportTable {
  return {
    title,
    columns: [
      { header: firstHeader, kind: 'text' },
      { header: t('sanitation.reports.charged'), kind: 'money' },
      { header: t('sanitation.reports.paid'), kind: 'money' },
      { header: t('sanitation.reports.rate'), kind: 'percent' },
    ],
    rows: rows.map((r) => [
      r.label,
      r.chargedTetri,
      r.paidTetri,
      collectionRate(r.paidTetri, r.chargedTetri),
    ]),
    footer: [
      t('sanitation.reports.total'),
      total.chargedTetri,
      total.paidTetri,
      collectionRate(total.paidTetri, total.chargedTetri),
    ],
  }
}
