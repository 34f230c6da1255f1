import type { PropertyListRow, PropertySortField } from '../../../../domain/property/views'
import type { TableColumn } from '../../ui/table/tableColumn'

export type Column = TableColumn<PropertyListRow, PropertySortField> & { id: keyof PropertyListRow }

export const columns: readonly Column[] = [
  {
    id: 'inventoryNumber',
    labelKey: 'property.field.inventoryNumber',
    width: '138px',
    sortField: 'inventoryNumber',
    text: (row) => row.inventoryNumber,
  },
  {
    id: 'name',
    labelKey: 'property.field.name',
    width: 'minmax(140px, 2fr)',
    sortField: 'name',
    text: (row) => row.name,
  },
  {
    id: 'type',
    labelKey: 'property.field.type',
    width: '124px',
    sortField: 'type',
    text: (row, t) => t(`property.type.${row.type}`),
  },
  {
    id: 'state',
    labelKey: 'property.field.state',
    width: '124px',
    sortField: 'state',
    text: (row, t) => t(`property.state.${row.state}`),
  },
  {
    id: 'address',
    labelKey: 'property.field.address',
    width: 'minmax(140px, 2fr)',
    sortField: 'address',
    text: (row, _t, format) => format.text(row.address),
  },
  {
    id: 'cadastralCode',
    labelKey: 'property.field.cadastralCode',
    width: '140px',
    text: (row, _t, format) => format.text(row.cadastralCode),
  },
  {
    id: 'areaSqm',
    labelKey: 'property.field.areaSqm',
    width: '88px',
    sortField: 'areaSqm',
    numeric: true,
    text: (row, _t, format) => format.number(row.areaSqm),
  },
  {
    id: 'bookValueTetri',
    labelKey: 'property.field.bookValueTetri',
    width: '128px',
    sortField: 'bookValueTetri',
    numeric: true,
    text: (row, _t, format) => format.money(row.bookValueTetri),
  },
  {
    id: 'tenantName',
    labelKey: 'property.field.tenantName',
    width: 'minmax(110px, 1.2fr)',
    text: (row, _t, format) => format.text(row.tenantName),
  },
]
