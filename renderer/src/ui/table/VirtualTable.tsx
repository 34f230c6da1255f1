import { useVirtualizer } from '@tanstack/react-virtual'
import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../useFormat'
import { SortHeader } from './SortHeader'
import type { TableColumn } from './tableColumn'
import type { PageRows } from './usePageRows'
import classes from './VirtualTable.module.css'

const ROW_HEIGHT = 40

interface Props<Row, Sort extends string> {
  /** The table's accessible name. */
  label: string
  columns: readonly TableColumn<Row, Sort>[]
  /** A hook (the same function on every render) giving the rows of the visible range. */
  usePages(first: number, last: number): PageRows<Row>
  /** Changes when the search, filters or sort change: the table starts again at the top. */
  resetKey: string
  sort: Sort
  direction: 'asc' | 'desc'
  onSort(field: Sort): void
  onOpen(row: Row): void
  emptyText: string
}

/**
 * A long list as a table of focusable rows: arrows, Page Up/Down, Home and End move between rows,
 * Enter opens one. Only the rows on screen exist in the DOM; pages load as they come into view.
 */
export function VirtualTable<Row, Sort extends string>({
  label,
  columns,
  usePages,
  resetKey,
  sort,
  direction,
  onSort,
  onOpen,
  emptyText,
}: Props<Row, Sort>) {
  const { t } = useTranslation()
  const format = useFormat()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [range, setRange] = useState({ first: 0, last: 30 })
  const pages = usePages(range.first, range.last)
  const total = pages.total ?? 0
  const gridTemplate = columns.map((c) => c.width).join(' ')

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The sticky header sits inside the scroller, above the first row.
    scrollPaddingStart: 44,
  })
  const items = virtualizer.getVirtualItems()
  const firstVisible = items[0]?.index ?? 0
  const lastVisible = items[items.length - 1]?.index ?? 0

  useEffect(() => {
    setRange((r) =>
      r.first === firstVisible && r.last === lastVisible ? r : { first: firstVisible, last: lastVisible },
    )
  }, [firstVisible, lastVisible])

  // A new search or filter starts at the top.
  const filterKey = resetKey
  const [active, setActive] = useState(0)
  const focusPending = useRef(false)
  const lastFilterKey = useRef(filterKey)
  useEffect(() => {
    if (lastFilterKey.current !== filterKey) {
      lastFilterKey.current = filterKey
      setActive(0)
      scrollRef.current?.scrollTo({ top: 0 })
    }
  }, [filterKey])

  useEffect(() => {
    if (!focusPending.current) return
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${active}"]`)
    if (row) {
      focusPending.current = false
      row.focus({ preventScroll: true })
    }
  })

  const moveTo = (index: number) => {
    if (total === 0) return
    const next = Math.max(0, Math.min(total - 1, index))
    focusPending.current = true
    setActive(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 2)
  const targetOf = (key: string, index: number): number | null => {
    switch (key) {
      case 'ArrowDown':
        return index + 1
      case 'ArrowUp':
        return index - 1
      case 'PageDown':
        return index + pageRows
      case 'PageUp':
        return index - pageRows
      case 'Home':
        return 0
      case 'End':
        return total - 1
      default:
        return null
    }
  }
  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      const row = pages.rowAt(index)
      if (row) onOpen(row)
      return
    }
    const target = targetOf(event.key, index)
    if (target !== null) {
      event.preventDefault()
      moveTo(target)
    }
  }

  const activeIndex = Math.min(active, Math.max(0, total - 1))
  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      style={{ height: 'calc(100vh - 250px)', minHeight: 320 }}
    >
      <table
        aria-label={label}
        aria-rowcount={total + 1}
        aria-colcount={columns.length}
        aria-busy={pages.isFetching}
        className={classes.grid}
      >
        <thead className={classes.head}>
          <tr aria-rowindex={1} className={classes.headerRow} style={{ gridTemplateColumns: gridTemplate }}>
            {columns.map((column) => (
              <SortHeader key={column.id} column={column} sort={sort} direction={direction} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = pages.rowAt(item.index)
            return (
              <tr
                key={item.key}
                aria-rowindex={item.index + 2}
                aria-busy={row ? undefined : true}
                data-row-index={item.index}
                tabIndex={item.index === activeIndex ? 0 : -1}
                className={classes.row}
                style={{
                  gridTemplateColumns: gridTemplate,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={() => {
                  setActive(item.index)
                  if (row) onOpen(row)
                }}
                onFocus={() => setActive(item.index)}
                onKeyDown={(event) => onRowKeyDown(event, item.index)}
              >
                {columns.map((column) => (
                  <Cell
                    key={column.id}
                    text={row ? column.text(row, t, format) : null}
                    numeric={column.numeric}
                  />
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
      {!pages.isPending && total === 0 ? <div className={classes.empty}>{emptyText}</div> : null}
    </div>
  )
}

/** A cell shows one line; the whole text is in its tooltip when the column is too narrow for it. */
function Cell({ text, numeric = false }: { text: string | null; numeric?: boolean | undefined }) {
  return (
    <td className={numeric ? `${classes.cell} ${classes.numeric}` : classes.cell} title={text ?? undefined}>
      {text ?? <div className={classes.placeholder} aria-hidden="true" />}
    </td>
  )
}
