import type { z } from 'zod'
import type { PayerListPage, PayerListQuery, PayerSortField } from '../../domain/sanitation/views'
import type { Db } from '../database'
import { propertyMatchExpression as matchExpression } from '../property/searchIndex'
import { ensureAccountsCurrent } from './accountSummary'
import { sanitationSettings } from './rules'

type ListQuery = z.output<typeof PayerListQuery>

/**
 * Each sort key and the columns of its index on `sanitation_payer_account` (db/schema/sanitation.ts):
 * the list orders by all of them and then rowid, the index's own order, so a page at any offset is
 * read from the index without sorting and ties always come out the same way.
 */
const orderColumns: Record<PayerSortField, readonly string[]> = {
  arrears: ['arrears_tetri', 'territorial_unit_id', 'kind'],
  balance: ['balance_tetri', 'territorial_unit_id', 'kind'],
  name: ['name', 'territorial_unit_id', 'kind'],
  paymentCode: ['payment_code', 'territorial_unit_id', 'kind'],
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
  const order = [...orderColumns[query.sort], 'rowid'].map((c) => `${c} ${dir}`).join(', ')
  const total = client
    .prepare(`SELECT count(*) FROM sanitation_payer_account ${whereSql}`)
    .pluck()
    .get(params) as number
  const rowids = client
    .prepare(
      `SELECT rowid FROM sanitation_payer_account ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .pluck()
    .all({ ...params, limit: query.limit, offset: query.offset }) as number[]
  const rows =
    rowids.length === 0
      ? []
      : (client.prepare(rowSql).all({ rowids: JSON.stringify(rowids) }) as PayerListPage['rows'])
  return { total, rows }
}
