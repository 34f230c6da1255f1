import type { z } from 'zod'
import type { PropertyListPage, PropertyListQuery, PropertySortField } from '../../domain/property/views'
import type { Db } from '../database'
import { propertyMatchExpression } from './searchIndex'

type ListQuery = z.output<typeof PropertyListQuery>

/** Sort keys map to fixed SQL, never to text from the caller. */
const sortSql: Record<PropertySortField, string> = {
  inventoryNumber: 'o.inventory_number',
  name: 'o.name',
  type: 'o.type',
  state: 'o.state',
  address: 'o.street, o.building, o.apartment',
  areaSqm: 'o.area_sqm',
  bookValueTetri: 'o.book_value_tetri',
  updatedAt: 'o.updated_at',
}

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
  FROM property_object o`

/** A sorted, filtered page of the property list; filtering, sorting and search all happen in SQLite. */
export function listPropertyObjects(db: Db, query: ListQuery, today: string): PropertyListPage {
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
  if (match) {
    where.push('o.id IN (SELECT object_id FROM property_search WHERE property_search MATCH @match)')
    params.match = match
  }
  const whereSql = where.join(' AND ')
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC'
  const orderSql = sortSql[query.sort]
    .split(', ')
    .map((column) => `${column} ${direction}`)
    .join(', ')
  const client = db.$client
  const total = (
    client.prepare(`SELECT count(*) AS n FROM property_object o WHERE ${whereSql}`).get(params) as {
      n: number
    }
  ).n
  const rows = client
    .prepare(
      `${rowSql} WHERE ${whereSql} ORDER BY ${orderSql}, o.id ${direction} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, today, limit: query.limit, offset: query.offset }) as PropertyListPage['rows']
  return { total, rows }
}
