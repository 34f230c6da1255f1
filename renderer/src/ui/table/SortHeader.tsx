import { useTranslation } from 'react-i18next'
import { Icon } from '../Icon'
import type { TableColumn } from './tableColumn'
import classes from './VirtualTable.module.css'

interface Props<Sort extends string> {
  column: TableColumn<never, Sort>
  sort: Sort
  direction: 'asc' | 'desc'
  onSort(field: Sort): void
}

/** A column heading; a sortable one is a button (click, Enter or Space) and reports aria-sort. */
export function SortHeader<Sort extends string>({ column, sort, direction, onSort }: Props<Sort>) {
  const { t } = useTranslation()
  const label = t(column.labelKey)
  const className = column.numeric ? `${classes.headerCell} ${classes.numeric}` : classes.headerCell
  const { sortField } = column
  if (!sortField) {
    return (
      <th scope="col" className={className}>
        <span className={classes.headerLabel}>{label}</span>
      </th>
    )
  }
  const sorted = sort === sortField
  return (
    <th
      scope="col"
      className={className}
      aria-sort={sorted ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" className={classes.sortButton} onClick={() => onSort(sortField)}>
        <span>{label}</span>
        <span className={classes.sortMark} aria-hidden="true">
          {sorted ? <Icon name={direction === 'asc' ? 'sortAscending' : 'sortDescending'} size={10} /> : null}
        </span>
      </button>
    </th>
  )
}
