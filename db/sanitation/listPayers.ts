import type { z } from 'zod'
import type { PayerListPage, PayerListQuery } from '../../domain/sanitation/views'
import type { Db } from '../database'
import { propertyMatchExpression as matchExpression } from '../property/searchIndex'
import { ensureAccountsCurrent } from './accountSummary'
import { sanitationSettings } from './rules'

type ListQuery = z.output<typeof PayerListQuery>

/**
 * The index a page is read from and its columns: the list orders by all of them and then rowid, the
 * index's own order, so a page at any offset comes from the index alone, without sorting, and ties
 * always come out the same way (db/schema/sanitation.ts). Sorted by arrears (the default) a filter
 * picks the index that starts with it; other sorts read their own index and check the filters in it.
 */
function pageIndex(query: ListQuery): { index: string; order: readonly string[] } {
  const filters = ['territorial_unit_id', 'kind']
  switch (query.sort) {
    case 'arrears':
      if (query.territorialUnitId !== null) {
        return { index: 'sanitation_payer_account_unit', order: ['arrears_tetri', 'kind'] }
      }
      if (query.kind !== null) return { index: 'sanitation_payer_account_kind', order: ['arrears_tetri'] }
      return { index: 'sanitation_payer_account_arrears', order: ['arrears_tetri', ...filters] }
    case 'balance':
      return { index: 'sanitation_payer_account_balance', order: ['balance_tetri', ...filters] }
    case 'name':
      return { index: 'sanitation_payer_account_name', order: ['name', ...filters] }
    case 'paymentCode':
      return { index: 'sanitation_payer_account_code', order: ['payment_code', ...filters] }
  }
}

const rowSql = `SELECT p.id, p.payment_code AS paymentCode, p.name, p.kind, p.status,
  p.territorial_unit_id AS territorialUnitId,
  trim(p.street || ' ' || p.building || CASE WHEN p.apartment <> '' THEN ', ' || p.apartment ELSE '' END) AS address,
  a.balance_tetri AS balanceTetri, a.arrears_tetri AS arrearsTetri
  FROM json_each(@rowids) AS page
  CROSS JOIN sanitation_payer_account a ON a.rowid = page.value
  CROSS JOIN sanitation_payer p ON p.id = a.payer_id
  ORDER BY page.key`

/**
 * A page of payers with their balance and arrears, sorted (arrears, largest first, by default),
 * filtered by territorial unit and kind, optionally narrowed by a search (Georgian or Latin layout).
 */
export function listPayers(db: Db, query: ListQuery, today: string): PayerListPage {
  const client = db.$client
  ensureAccountsCurrent(client, today, sanitationSettings().graceDays)
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (query.territorialUnitId !== null) {
    where.push('territorial_unit_id = @unit')
    params.unit = query.territorialUnitId
  }
  if (query.kind !== null) {
    where.push('kind = @kind')
    params.kind = query.kind
  }
  const search = query.search.trim()
  if (search !== '') {
    const expression = matchExpression(search)
    if (expression === null) return { total: 0, rows: [] }
    where.push('payer_id IN (SELECT payer_id FROM sanitation_search WHERE sanitation_search MATCH @match)')
    params.match = expression
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  const dir = query.direction === 'desc' ? 'DESC' : 'ASC'
  const page = pageIndex(query)
  const order = [...page.order, 'rowid'].map((c) => `${c} ${dir}`).join(', ')
  // A search narrows to a few payers: SQLite starts from them and sorts; otherwise the page index.
  const source =
    search === '' ? `sanitation_payer_account INDEXED BY ${page.index}` : 'sanitation_payer_account'
  const total = client
    .prepare(`SELECT count(*) FROM sanitation_payer_account ${whereSql}`)
    .pluck()
    .get(params) as number
  const rowids = client
    .prepare(`SELECT rowid FROM ${source} ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ ...params, limit: query.limit, offset: query.offset }) as number[]
  const rows =
    rowids.length === 0
      ? []
      : (client.prepare(rowSql).all({ rowids: JSON.stringify(rowids) }) as PayerListPage['rows'])
  return { total, rows }
}
