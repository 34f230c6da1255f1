import type Database from 'better-sqlite3'
import type { z } from 'zod'
import type { PropertyListPage, PropertyListQuery, PropertySortField } from '../../domain/property/views'
import type { Db } from '../database'
import { indexedBy } from '../indexedBy'
import { ensurePropertySearchAligned, propertyMatchExpression } from './searchIndex'

type ListQuery = z.output<typeof PropertyListQuery>

/**
 * Each sort key and the partial index that yields it (db/schema/property.ts). The list orders by
 * all of that index's columns and then rowid: the index's own order, so a page at any offset is read
 * from the index without sorting, and ties always come out the same way.
 */
const sortIndexes: Record<PropertySortField, { index: string; columns: string[] }> = {
  inventoryNumber: { index: 'property_object_inventory', columns: ['inventory_number'] },
  name: { index: 'property_object_name', columns: ['name'] },
  address: { index: 'property_object_address', columns: ['street', 'building', 'apartment'] },
  areaSqm: { index: 'property_object_area', columns: ['area_sqm'] },
  bookValueTetri: { index: 'property_object_book_value', columns: ['book_value_tetri'] },
  updatedAt: { index: 'property_object_updated', columns: ['updated_at'] },
  type: { index: 'property_object_type', columns: [] },
  state: { index: 'property_object_state', columns: [] },
}
const filterColumns = ['type', 'state', 'territorial_unit_id']
/** The list's order for each sort key: its index's columns, then rowid (exported for tests). */
export const listOrderColumns: Record<PropertySortField, readonly string[]> = {
  ...(Object.fromEntries(
    Object.entries(sortIndexes).map(([sort, { columns }]) => [sort, [...columns, ...filterColumns]]),
  ) as Record<PropertySortField, string[]>),
  type: ['type', 'state', 'territorial_unit_id'],
  state: ['state', 'territorial_unit_id', 'type'],
}

/** The columns of one list line, for the rows of the page only (by rowid, in page order). */
const rowSql = `SELECT o.id, o.inventory_number AS inventoryNumber, o.name, o.type, o.state,
  o.territorial_unit_id AS territorialUnitId,
  trim(o.street || ' ' || o.building || CASE WHEN o.apartment <> '' THEN ', ' || o.apartment ELSE '' END) AS address,
  (SELECT c.code FROM property_cadastral_code c
    WHERE c.object_id = o.id AND c.deleted_at IS NULL AND c.valid_to IS NULL
    ORDER BY c.valid_from DESC LIMIT 1) AS cadastralCode,
  o.area_sqm AS areaSqm, o.book_value_tetri AS bookValueTetri,
  (SELECT l.tenant_name FROM property_lease l
    WHERE l.object_id = o.id AND l.deleted_at IS NULL AND l.terminated_on IS NULL
      AND l.start_date <= @today AND l.end_date >= @today
    ORDER BY l.start_date DESC LIMIT 1) AS tenantName
  FROM json_each(@rowids) AS page CROSS JOIN property_object o ON o.rowid = page.value
  ORDER BY page.key`

/**
 * A sorted, filtered page of the property list; filtering, sorting and search all happen in SQLite.
 * The page's rowids come from the indexes alone (the rows are wide); only its rows are then read.
 */
export function listPropertyObjects(
  db: Db,
  query: ListQuery,
  today: string,
  tuning: SearchTuning = defaultTuning,
): PropertyListPage {
  const client = db.$client
  const where = ['o.deleted_at IS NULL']
  const params: Record<string, unknown> = {}
  if (query.type) {
    where.push('o.type = @type')
    params.type = query.type
  }
  if (query.state) {
    where.push('o.state = @state')
    params.state = query.state
  }
  if (query.territorialUnitId) {
    where.push('o.territorial_unit_id = @unit')
    params.unit = query.territorialUnitId
  }
  const match = propertyMatchExpression(query.search)
  if (query.search.trim() !== '' && match === null) return { total: 0, rows: [] }

  const list: ListShape = {
    client,
    where,
    params,
    page: { limit: query.limit, offset: query.offset },
    sortedObjects: sortedObjects(client, sortIndexes[query.sort].index),
    orderSql: [...listOrderColumns[query.sort], 'rowid']
      .map((c) => `o.${c} ${query.direction === 'desc' ? 'DESC' : 'ASC'}`)
      .join(', '),
  }
  const found =
    match === null
      ? {
          total: count(client, `SELECT count(*) FROM property_object o WHERE ${where.join(' AND ')}`, params),
          rowids: pageOf(list, list.sortedObjects, where),
        }
      : searchPage(list, match, tuning)
  if (found.rowids.length === 0) return { total: found.total, rows: [] }
  const rows = statement(client, rowSql).all({
    rowids: JSON.stringify(found.rowids),
    today,
  }) as PropertyListPage['rows']
  return { total: found.total, rows }
}

interface ListShape {
  client: Database.Database
  where: string[]
  params: Record<string, unknown>
  page: { limit: number; offset: number }
  /** `property_object o`, through the sort's index when the store has it. */
  sortedObjects: string
  orderSql: string
}

/** The rowids of the page, in list order, from `from` filtered by `conditions`. */
function pageOf(list: ListShape, from: string, conditions: string[]): number[] {
  return column(
    list.client,
    `SELECT o.rowid FROM ${from} WHERE ${conditions.join(' AND ')} ORDER BY ${list.orderSql} LIMIT @limit OFFSET @offset`,
    { ...list.params, ...list.page },
  )
}

/** How a search finds its page; tests move the limits to exercise every way on a small store. */
export interface SearchTuning {
  /** Rows at the head of the sort index checked against the matches in the counting pass. */
  window: number
  /** Up to this many matches are read and sorted; more are found by walking the sort index. */
  sortMax: number
}
const defaultTuning: SearchTuning = { window: 2_000, sortMax: 3_000 }

/**
 * A search's total and page. The full-text index yields the matches' rowids, which are the
 * objects' rowids (db/property/searchIndex.ts). Ways to the page, cheapest first:
 * - the pass that counts the matches also picks, among the first rows of the sort index, those
 *   that match: when many rows match (the first keystrokes), the page is there;
 * - few matches: read them and sort them;
 * - many: walk the sort index keeping the rows whose rowid is among the matches.
 * An expression with a word longer than the prefix index (3 characters) is costly to evaluate, so
 * it is evaluated once into a temporary table, which then gives the count and the page.
 */
function searchPage(
  list: ListShape,
  match: string,
  tuning: SearchTuning,
): { total: number; rowids: number[] } {
  const { client, where, params, page } = list
  ensurePropertySearchAligned(client)
  params.match = match
  const filtered = where.length > 1
  const pageEnd = page.offset + page.limit
  const words = match.match(/"[^"]*"/g) ?? []
  const prefixIndexed = words.every((w) => [...w.slice(1, -1)].length <= 3)

  let matched: number
  let matchedSet: string
  let matchesThenObjects: { from: string; conditions: string[] }
  if (prefixIndexed) {
    if (!filtered && pageEnd <= tuning.window) {
      const head = headOfMatches(list, tuning.window)
      if (head.complete || head.matched === 0) {
        return { total: head.matched, rowids: head.rowids.slice(page.offset, pageEnd) }
      }
      matched = head.matched
    } else {
      matched = count(
        client,
        'SELECT count(*) FROM property_search WHERE property_search MATCH @match',
        params,
      )
    }
    matchedSet = 'SELECT rowid FROM property_search WHERE property_search MATCH @match'
    matchesThenObjects = {
      from: 'property_search s CROSS JOIN property_object o ON o.rowid = s.rowid',
      conditions: [...where, 's.property_search MATCH @match'],
    }
  } else {
    matched = fillMatched(client, match)
    matchedSet = 'SELECT r FROM temp.property_list_matched'
    matchesThenObjects = {
      from: 'temp.property_list_matched m CROSS JOIN property_object o ON o.rowid = m.r',
      conditions: where,
    }
  }
  if (matched === 0) return { total: 0, rowids: [] }
  const inMatches = [...where, `o.rowid IN (${matchedSet})`]
  const total = filtered
    ? count(client, `SELECT count(*) FROM property_object o WHERE ${inMatches.join(' AND ')}`, params)
    : matched
  if (total === 0 || page.offset >= total) return { total, rowids: [] }
  const rowids =
    matched > tuning.sortMax
      ? pageOf(list, list.sortedObjects, inMatches)
      : pageOf(list, matchesThenObjects.from, matchesThenObjects.conditions)
  return { total, rowids }
}

/**
 * One pass over the matches that counts them and keeps those among the first `window` rows of the
 * (unfiltered) sort index, in list order. `complete` when those rows hold the whole page.
 */
function headOfMatches(
  list: ListShape,
  window: number,
): { matched: number; rowids: number[]; complete: boolean } {
  const { client, params, page } = list
  const head = column(
    client,
    `SELECT o.rowid FROM ${list.sortedObjects} WHERE o.deleted_at IS NULL
     ORDER BY ${list.orderSql} LIMIT @window`,
    { window },
  )
  const found = statement(
    client,
    `SELECT count(*) AS matched,
       json_group_array(rowid) FILTER (WHERE rowid IN (SELECT value FROM json_each(@head))) AS hits
     FROM property_search WHERE property_search MATCH @match`,
  ).get({ match: params.match, head: JSON.stringify(head) }) as { matched: number; hits: string }
  const hits = new Set(JSON.parse(found.hits) as number[])
  const rowids = head.filter((rowid) => hits.has(rowid))
  return {
    matched: found.matched,
    rowids,
    complete: rowids.length >= page.offset + page.limit || head.length < window,
  }
}

/** The last expression evaluated into the temporary table, and the store's state at that time. */
const filled = new WeakMap<Database.Database, string>()

/**
 * Evaluates the expression once into `temp.property_list_matched` (rowids of the matches) and
 * returns how many there are. The table is kept while the same search pages through an unchanged
 * store, so scrolling does not evaluate it again.
 */
function fillMatched(client: Database.Database, match: string): number {
  const state = () =>
    `${match}\u0000${client.pragma('data_version', { simple: true })}\u0000${count(client, 'SELECT total_changes()', {})}`
  if (filled.get(client) === state()) {
    return count(client, 'SELECT count(*) FROM temp.property_list_matched', {})
  }
  client.exec('CREATE TEMP TABLE IF NOT EXISTS property_list_matched (r INTEGER PRIMARY KEY)')
  const matched = client.transaction(() => {
    statement(client, 'DELETE FROM temp.property_list_matched').run()
    return statement(
      client,
      'INSERT INTO temp.property_list_matched (r) SELECT rowid FROM property_search WHERE property_search MATCH ?',
    ).run(match).changes
  })()
  filled.set(client, state())
  return matched
}

/**
 * The objects read through the sort's index (`INDEXED BY`: the planner is not left to guess). A
 * bootstrap into an empty store drops the list's indexes until its indexing phase makes them again
 * (db/sync/secondaryIndexes.ts); the list still answers meanwhile, from the table.
 */
function sortedObjects(client: Database.Database, index: string): string {
  return indexedBy(client, 'property_object', index, 'o')
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** Statements by their text: the list builds a few dozen shapes and reuses each. */
function statement(client: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(client)
  if (!statements) {
    statements = new Map()
    cache.set(client, statements)
  }
  let s = statements.get(sql)
  if (!s) {
    s = client.prepare(sql)
    statements.set(sql, s)
  }
  return s
}

function count(client: Database.Database, sql: string, params: Record<string, unknown>): number {
  return Number(statement(client, sql).pluck().get(params) ?? 0)
}

function column(client: Database.Database, sql: string, params: Record<string, unknown>): number[] {
  return statement(client, sql).pluck().all(params) as number[]
}
