import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import {
  propertyCadastralCode,
  propertyDocument,
  propertyLease,
  propertyLeasePayment,
  propertyObject,
  territorialUnit,
} from './schema'

/**
 * Every table whose rows replicate through the sync engine, by entity name, with its department
 * scope. Only the write path (and, later, the sync applier) may write them.
 */
export const replicatedTables = {
  territorialUnit: { table: territorialUnit, scope: 'reference' },
  propertyObject: { table: propertyObject, scope: 'property' },
  propertyCadastralCode: { table: propertyCadastralCode, scope: 'property' },
  propertyLease: { table: propertyLease, scope: 'property' },
  propertyLeasePayment: { table: propertyLeasePayment, scope: 'property' },
  propertyDocument: { table: propertyDocument, scope: 'property' },
} as const satisfies Record<string, { table: SQLiteTable; scope: string }>

export type EntityName = keyof typeof replicatedTables
