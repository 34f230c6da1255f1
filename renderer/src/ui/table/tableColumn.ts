import type { TFunction } from 'i18next'
import type { Format } from '../useFormat'

/** A column of a virtual table: its heading, its width, how it sorts and what its cell says. */
export interface TableColumn<Row, Sort extends string> {
  id: string
  labelKey: string
  /** A CSS grid track. */
  width: string
  sortField?: Sort
  numeric?: boolean
  text(row: Row, t: TFunction, format: Format): string
}
