import type Database from 'better-sqlite3'

/** Rows per multi-row INSERT: well under SQLite's 32,766 parameters for the widest table buffered. */
const ROWS_PER_STATEMENT = 50

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** `<head> VALUES (?, ...), ...` for `rows` rows of `columns` values, prepared once per connection. */
function statementFor(client: Database.Database, head: string, columns: number, rows: number) {
  let statements = cache.get(client)
  if (!statements) {
    statements = new Map()
    cache.set(client, statements)
  }
  const key = `${rows}|${head}`
  let statement = statements.get(key)
  if (!statement) {
    const row = `(${Array(columns).fill('?').join(', ')})`
    statement = client.prepare(`${head} VALUES ${Array(rows).fill(row).join(', ')}`)
    statements.set(key, statement)
  }
  return statement
}

/**
 * Gathers rows for one table and writes them several to an INSERT statement (one call into SQLite
 * per 50 rows instead of per row), in the order they were added. `flush` writes what is left; callers
 * flush before the transaction ends or before anything reads the table.
 */
export interface RowBuffer {
  add(...values: unknown[]): void
  flush(): void
}

/** A buffer for `head` (`INSERT [OR IGNORE] INTO t (c1, ..., cn)`) with `columns` values a row. */
export function rowBuffer(client: Database.Database, head: string, columns: number): RowBuffer {
  let pending: unknown[] = []
  const write = (values: unknown[]) =>
    statementFor(client, head, columns, values.length / columns).run(values)
  return {
    add(...values) {
      if (values.length !== columns) throw new Error(`${columns} values expected, got ${values.length}`)
      for (const v of values) pending.push(v)
      if (pending.length === ROWS_PER_STATEMENT * columns) {
        write(pending)
        pending = []
      }
    },
    flush() {
      if (pending.length > 0) write(pending)
      pending = []
    },
  }
}
