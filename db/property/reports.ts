import { rentDueBetween, rentDueBy } from '../../domain/property/leaseArrears'
import type { ExpiringLease, LeaseIncomeReport, ObjectsReport } from '../../domain/property/views'
import type { RentSchedule } from '../../domain/property/vocabulary'
import type { Db } from '../database'

const groupSql = (column: string) => `SELECT ${column} AS key, count(*) AS count,
  coalesce(sum(area_sqm), 0) AS areaSqm, coalesce(sum(book_value_tetri), 0) AS bookValueTetri
  FROM property_object WHERE deleted_at IS NULL GROUP BY ${column} ORDER BY count DESC, key`

/** Objects counted, with their area and book value, by type, by state and by territorial unit. */
export function objectsReport(db: Db): ObjectsReport {
  const client = db.$client
  const group = (column: string) => client.prepare(groupSql(column)).all() as ObjectsReport['byType']
  return { byType: group('type'), byState: group('state'), byTerritorialUnit: group('territorial_unit_id') }
}

interface LeaseRow {
  leaseId: string
  objectId: string
  inventoryNumber: string
  contractNumber: string
  tenantName: string
  startDate: string
  endDate: string
  terminatedOn: string | null
  annualRentTetri: number
  schedule: RentSchedule
  paidInYear: number
  paidToYearEnd: number
}

/**
 * Lease income for a year: rent that fell due in the year, what was paid in it, and the arrears
 * standing at the year's end (or today, for the current year).
 */
export function leaseIncomeReport(db: Db, year: number, today: string): LeaseIncomeReport {
  const from = `${year}-01-01`
  const yearEnd = `${year}-12-31`
  const asOf = yearEnd < today ? yearEnd : today
  const leases = db.$client
    .prepare(
      `SELECT l.id AS leaseId, l.object_id AS objectId, o.inventory_number AS inventoryNumber,
        l.contract_number AS contractNumber, l.tenant_name AS tenantName, l.start_date AS startDate,
        l.end_date AS endDate, l.terminated_on AS terminatedOn, l.annual_rent_tetri AS annualRentTetri,
        l.schedule,
        coalesce((SELECT sum(amount_tetri) FROM property_lease_payment p
          WHERE p.lease_id = l.id AND p.deleted_at IS NULL AND p.paid_on BETWEEN @from AND @asOf), 0) AS paidInYear,
        coalesce((SELECT sum(amount_tetri) FROM property_lease_payment p
          WHERE p.lease_id = l.id AND p.deleted_at IS NULL AND p.paid_on <= @asOf), 0) AS paidToYearEnd
       FROM property_lease l JOIN property_object o ON o.id = l.object_id
       WHERE l.deleted_at IS NULL AND o.deleted_at IS NULL AND l.start_date <= @asOf
         AND coalesce(l.terminated_on, l.end_date) >= @from
       ORDER BY o.inventory_number, l.start_date`,
    )
    .all({ from, asOf }) as LeaseRow[]
  const rows = leases.map((l) => ({
    leaseId: l.leaseId,
    objectId: l.objectId,
    inventoryNumber: l.inventoryNumber,
    contractNumber: l.contractNumber,
    tenantName: l.tenantName,
    dueTetri: rentDueBetween(l, from, asOf),
    paidTetri: l.paidInYear,
    arrearsTetri: Math.max(0, rentDueBy(l, asOf) - l.paidToYearEnd),
  }))
  const total = (key: 'dueTetri' | 'paidTetri' | 'arrearsTetri') => rows.reduce((sum, r) => sum + r[key], 0)
  return {
    year,
    dueTetri: total('dueTetri'),
    paidTetri: total('paidTetri'),
    arrearsTetri: total('arrearsTetri'),
    rows,
  }
}

/** Running leases whose term ends between today and `until`, soonest first. */
export function expiringLeases(db: Db, today: string, until: string): ExpiringLease[] {
  return db.$client
    .prepare(
      `SELECT l.id AS leaseId, l.object_id AS objectId, o.inventory_number AS inventoryNumber,
          l.contract_number AS contractNumber, l.tenant_name AS tenantName, l.end_date AS endDate,
          CAST(julianday(l.end_date) - julianday(@today) AS INTEGER) AS daysLeft,
          l.annual_rent_tetri AS annualRentTetri
         FROM property_lease l JOIN property_object o ON o.id = l.object_id
         WHERE l.deleted_at IS NULL AND o.deleted_at IS NULL AND l.terminated_on IS NULL
           AND l.end_date >= @today AND l.end_date <= @until
         ORDER BY l.end_date, o.inventory_number`,
    )
    .all({ today, until }) as ExpiringLease[]
}
