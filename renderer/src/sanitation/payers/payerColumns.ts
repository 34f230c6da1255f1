import type { PayerListRow, PayerSortField } from '../../../../domain/sanitation/views'
import type { TableColumn } from '../../ui/table/tableColumn'

/** The payer list's columns; `unitName` turns a territorial unit's id into its name. */
export const payerColumns = (
  unitName: (id: string) => string,
): readonly TableColumn<PayerListRow, PayerSortField>[] => [
  {
    id: 'paymentCode',
    labelKey: 'sanitation.field.paymentCode',
    width: '124px',
    sortField: 'paymentCode',
    text: (row) => row.paymentCode,
  },
  {
    id: 'name',
    labelKey: 'sanitation.field.name',
    width: 'minmax(180px, 2fr)',
    sortField: 'name',
    text: (row) => row.name,
  },
  {
    id: 'kind',
    labelKey: 'sanitation.field.kind',
    width: '120px',
    text: (row, t) => t(`sanitation.kind.${row.kind}`),
  },
  {
    id: 'territorialUnitId',
    labelKey: 'sanitation.field.territorialUnitId',
    width: 'minmax(140px, 1fr)',
    text: (row) => unitName(row.territorialUnitId),
  },
  {
    id: 'address',
    labelKey: 'sanitation.field.address',
    width: 'minmax(180px, 2fr)',
    text: (row, _t, format) => format.text(row.address),
  },
  {
    id: 'status',
    labelKey: 'sanitation.field.status',
    width: '110px',
    text: (row, t) => t(`sanitation.status.${row.status}`),
  },
  {
    id: 'balanceTetri',
    labelKey: 'sanitation.field.balanceTetri',
    width: '120px',
    sortField: 'balance',
    numeric: true,
    text: (row, _t, format) => format.money(row.balanceTetri),
  },
  {
    id: 'arrearsTetri',
    labelKey: 'sanitation.field.arrearsTetri',
    width: '120px',
    sortField: 'arrears',
    numeric: true,
    text: (row, _t, format) => format.money(row.arrearsTetri),
  },
]
