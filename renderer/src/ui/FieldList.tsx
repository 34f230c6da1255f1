import type { ReactNode } from 'react'
import classes from './FieldList.module.css'

export interface FieldItem {
  label: string
  value: ReactNode
  wide?: boolean
}

/** A record's fields as a description list: label above value, in as many columns as fit. */
export function FieldList({ items }: { items: readonly FieldItem[] }) {
  return (
    <dl className={classes.list}>
      {items.map((item) => (
        <div key={item.label} className={item.wide ? `${classes.item} ${classes.wide}` : classes.item}>
          <dt className={classes.label}>{item.label}</dt>
          <dd className={classes.value}>{item.value}</dd>
        </div>
      ))}
    </dl>
  )
}
