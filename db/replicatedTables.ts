import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import {
  propertyCadastralCode,
  propertyDocument,
  propertyLease,
  propertyLeasePayment,
  propertyObject,
  sanitationActivityCategory,
  sanitationAmnesty,
  sanitationBankFormat,
  sanitationBankImport,
  sanitationBankImportLine,
  sanitationBillingRun,
  sanitationChargeLine,
  sanitationExemption,
  sanitationInspection,
  sanitationInstalmentPlan,
  sanitationPayer,
  sanitationPayment,
  sanitationSocialBand,
  sanitationTariffRate,
  sanitationTariffVersion,
  syncConflict,
  territorialUnit,
} from './schema'

/**
 * Every table whose rows replicate through the sync engine, by entity name, with its department
 * scope. Only the write path and the sync applier (db/sync/) may write them. A conflict belongs to
 * the scope of the record it is about, so its scope is the row's own `scope` column ('perRow').
 */
export const replicatedTables = {
  territorialUnit: { table: territorialUnit, scope: 'reference' },
  propertyObject: { table: propertyObject, scope: 'property' },
  propertyCadastralCode: { table: propertyCadastralCode, scope: 'property' },
  propertyLease: { table: propertyLease, scope: 'property' },
  propertyLeasePayment: { table: propertyLeasePayment, scope: 'property' },
  propertyDocument: { table: propertyDocument, scope: 'property' },
  sanitationPayer: { table: sanitationPayer, scope: 'sanitation' },
  sanitationTariffVersion: { table: sanitationTariffVersion, scope: 'sanitation' },
  sanitationTariffRate: { table: sanitationTariffRate, scope: 'sanitation' },
  sanitationBillingRun: { table: sanitationBillingRun, scope: 'sanitation' },
  sanitationExemption: { table: sanitationExemption, scope: 'sanitation' },
  sanitationAmnesty: { table: sanitationAmnesty, scope: 'sanitation' },
  sanitationChargeLine: { table: sanitationChargeLine, scope: 'sanitation' },
  sanitationBankImport: { table: sanitationBankImport, scope: 'sanitation' },
  sanitationBankImportLine: { table: sanitationBankImportLine, scope: 'sanitation' },
  sanitationPayment: { table: sanitationPayment, scope: 'sanitation' },
  sanitationInstalmentPlan: { table: sanitationInstalmentPlan, scope: 'sanitation' },
  sanitationInspection: { table: sanitationInspection, scope: 'sanitation' },
  sanitationActivityCategory: { table: sanitationActivityCategory, scope: 'sanitation' },
  sanitationSocialBand: { table: sanitationSocialBand, scope: 'sanitation' },
  sanitationBankFormat: { table: sanitationBankFormat, scope: 'sanitation' },
  syncConflict: { table: syncConflict, scope: 'perRow' },
} as const satisfies Record<string, { table: SQLiteTable; scope: string }>

export type EntityName = keyof typeof replicatedTables
