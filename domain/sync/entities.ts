import type { z } from 'zod'
import type { Action } from '../auth/roles'
import {
  checkLeaseRow,
  PropertyCadastralCodeRow,
  PropertyDocumentRow,
  PropertyLeasePaymentRow,
  PropertyLeaseRow,
  PropertyObjectRow,
} from '../property/rows'
import { TerritorialUnitRow } from '../reference/rows'
import {
  checkSocialBandRow,
  SanitationActivityCategoryRow,
  SanitationBankFormatRow,
  SanitationSocialBandRow,
} from '../sanitation/referenceRows'
import {
  checkAmnestyRow,
  checkBankImportLineRow,
  checkBillingRunRow,
  checkChargeLineRow,
  checkExemptionRow,
  checkInspectionRow,
  checkInstalmentPlanRow,
  checkPayerRow,
  checkPaymentRow,
  checkTariffRateRow,
  checkTariffVersionRow,
  SanitationAmnestyRow,
  SanitationBankImportLineRow,
  SanitationBankImportRow,
  SanitationBillingRunRow,
  SanitationChargeLineRow,
  SanitationExemptionRow,
  SanitationInspectionRow,
  SanitationInstalmentPlanRow,
  SanitationPayerRow,
  SanitationPaymentRow,
  SanitationTariffRateRow,
  SanitationTariffVersionRow,
} from '../sanitation/rows'
import { checkConflictRow, conflictDecisionFields, SyncConflictRow } from './conflictRow'
import type { FieldValue, NumberSeries, Scope } from './protocol'

// The registry of replicated entities: for each, where its rows live (scope), what a whole row looks
// like, which fields a person must decide on when two PCs disagree, which values must be unique,
// which parents must exist, and where it comes in a snapshot (parents before children).

export type RowValues = Record<string, FieldValue>

export interface UniqueKey {
  field: string
  /** Besides being live, the rows that compete for the value (a cadastral code: only the current one). */
  when?: (row: RowValues) => boolean
  /**
   * The field holds a document number of this series (`<series>-<year>-<n>`, leased per PC). A
   * duplicate is then a number issued twice (a PC restored from a backup, say): the row is kept and a
   * person decides (a `duplicateNumber` conflict), instead of the change being refused.
   */
  documentNumber?: NumberSeries
}

export interface EntityDefinition {
  /** The entity's scope; `fromRow` when each row names its scope (conflicts). */
  scope: Scope | 'fromRow'
  /** The row's fields, strict, with no cross-field rules: `.partial()` of it checks an update's fields. */
  fields: z.ZodObject
  /** Cross-field rules of a whole row. */
  check?: (row: RowValues, ctx: z.RefinementCtx) => void
  /** Statuses, amounts and legal dates: never decided by clock time when two PCs disagree. */
  guarded: readonly string[]
  uniqueKeys: readonly UniqueKey[]
  /** Field -> the entity its value names; that row must exist and be live. */
  parents: Readonly<Record<string, string>>
  /** Snapshot order: lower ranks first, so a PC inserts parents before children. */
  rank: number
  /** When set, PCs may only update these fields (no insert, no delete): the server makes such rows. */
  clientWritable?: readonly string[]
  /** The role action a user needs to change these rows (default 'write': any clerk of the scope). */
  writeAction?: Action
}

const define = <T extends z.ZodObject>(
  def: Omit<EntityDefinition, 'fields' | 'check'> & {
    fields: T
    check?: (row: z.infer<T>, ctx: z.RefinementCtx) => void
  },
): EntityDefinition => def as EntityDefinition

export const entities = {
  territorialUnit: define({
    scope: 'reference',
    fields: TerritorialUnitRow,
    guarded: [],
    uniqueKeys: [{ field: 'code' }],
    parents: {},
    rank: 0,
  }),
  propertyObject: define({
    scope: 'property',
    fields: PropertyObjectRow,
    guarded: ['state', 'bookValueTetri', 'marketValueTetri', 'acquiredOn', 'propertyClass'],
    uniqueKeys: [{ field: 'inventoryNumber' }],
    parents: { territorialUnitId: 'territorialUnit' },
    rank: 1,
  }),
  propertyCadastralCode: define({
    scope: 'property',
    fields: PropertyCadastralCodeRow,
    guarded: ['code', 'validFrom', 'validTo'],
    uniqueKeys: [{ field: 'code', when: (row) => row.validTo === null }],
    parents: { objectId: 'propertyObject' },
    rank: 2,
  }),
  propertyLease: define({
    scope: 'property',
    fields: PropertyLeaseRow,
    check: checkLeaseRow,
    guarded: ['annualRentTetri', 'startDate', 'endDate', 'terminatedOn'],
    uniqueKeys: [{ field: 'contractNumber', documentNumber: 'contract' }],
    parents: { objectId: 'propertyObject' },
    rank: 2,
  }),
  propertyLeasePayment: define({
    scope: 'property',
    fields: PropertyLeasePaymentRow,
    guarded: ['amountTetri', 'paidOn'],
    uniqueKeys: [],
    parents: { leaseId: 'propertyLease' },
    rank: 3,
  }),
  propertyDocument: define({
    scope: 'property',
    fields: PropertyDocumentRow,
    guarded: [],
    uniqueKeys: [],
    parents: { objectId: 'propertyObject' },
    rank: 2,
  }),
  sanitationPayer: define({
    scope: 'sanitation',
    fields: SanitationPayerRow,
    check: checkPayerRow,
    guarded: [
      'kind',
      'status',
      'paymentCode',
      'registeredMembers',
      'billingQuantity',
      'billedFrom',
      'closedOn',
    ],
    uniqueKeys: [{ field: 'paymentCode' }],
    parents: { territorialUnitId: 'territorialUnit' },
    rank: 1,
  }),
  sanitationTariffVersion: define({
    scope: 'sanitation',
    fields: SanitationTariffVersionRow,
    check: checkTariffVersionRow,
    guarded: [
      'resolutionNumber',
      'resolutionDate',
      'effectiveFrom',
      'effectiveTo',
      'householdRateTetri',
      'memberCap',
      'amendsVersionId',
      'correctionsState',
      'correctionCount',
    ],
    uniqueKeys: [],
    parents: {},
    rank: 1,
  }),
  sanitationTariffRate: define({
    scope: 'sanitation',
    fields: SanitationTariffRateRow,
    check: checkTariffRateRow,
    guarded: ['rateTetri', 'code', 'unit', 'rateKind'],
    uniqueKeys: [{ field: 'rateKey' }],
    parents: { tariffVersionId: 'sanitationTariffVersion' },
    rank: 2,
  }),
  sanitationBillingRun: define({
    scope: 'sanitation',
    fields: SanitationBillingRunRow,
    check: checkBillingRunRow,
    guarded: ['state', 'period', 'payerCount', 'lineCount', 'totalTetri', 'reversedAt', 'reversedBy'],
    uniqueKeys: [],
    parents: { territorialUnitId: 'territorialUnit' },
    rank: 1,
  }),
  sanitationExemption: define({
    scope: 'sanitation',
    fields: SanitationExemptionRow,
    check: checkExemptionRow,
    guarded: [
      'reliefPercent',
      'fromPeriod',
      'toPeriod',
      'legalActNumber',
      'legalActDate',
      'target',
      'targetCode',
    ],
    uniqueKeys: [],
    parents: { payerId: 'sanitationPayer' },
    rank: 2,
  }),
  sanitationAmnesty: define({
    scope: 'sanitation',
    fields: SanitationAmnestyRow,
    check: checkAmnestyRow,
    guarded: ['fromPeriod', 'toPeriod', 'coverage', 'legalActNumber', 'legalActDate', 'state', 'lineCount'],
    uniqueKeys: [],
    parents: {},
    rank: 1,
  }),
  sanitationChargeLine: define({
    scope: 'sanitation',
    fields: SanitationChargeLineRow,
    check: checkChargeLineRow,
    // An issued line is never edited: every field that makes its amount is guarded.
    guarded: [
      'payerId',
      'period',
      'kind',
      'amountTetri',
      'tariffVersionId',
      'rateTetri',
      'quantityHundredths',
      'reliefPercent',
      'relatedLineId',
      'issuedOn',
    ],
    uniqueKeys: [{ field: 'lineKey' }],
    parents: {
      payerId: 'sanitationPayer',
      tariffVersionId: 'sanitationTariffVersion',
      billingRunId: 'sanitationBillingRun',
      exemptionId: 'sanitationExemption',
      amnestyId: 'sanitationAmnesty',
    },
    rank: 3,
  }),
  sanitationBankImport: define({
    scope: 'sanitation',
    fields: SanitationBankImportRow,
    guarded: ['state', 'fingerprint', 'matchedCount', 'matchedTetri', 'confirmedAt'],
    // The same file confirmed twice is refused (a dry run that is discarded releases nothing it held).
    uniqueKeys: [{ field: 'fingerprint', when: (row) => row.state === 'confirmed' }],
    parents: {},
    rank: 1,
  }),
  sanitationBankImportLine: define({
    scope: 'sanitation',
    fields: SanitationBankImportLineRow,
    check: checkBankImportLineRow,
    guarded: ['status', 'payerId', 'amountTetri', 'paidOn', 'paymentId'],
    uniqueKeys: [{ field: 'lineKey', when: (row) => row.status !== 'duplicate' && row.status !== 'invalid' }],
    parents: { importId: 'sanitationBankImport', payerId: 'sanitationPayer' },
    rank: 2,
  }),
  sanitationPayment: define({
    scope: 'sanitation',
    fields: SanitationPaymentRow,
    check: checkPaymentRow,
    guarded: ['payerId', 'amountTetri', 'paidOn', 'channel'],
    uniqueKeys: [{ field: 'receiptNumber', documentNumber: 'receipt' }, { field: 'bankReference' }],
    parents: { payerId: 'sanitationPayer', bankImportLineId: 'sanitationBankImportLine' },
    rank: 3,
  }),
  sanitationInstalmentPlan: define({
    scope: 'sanitation',
    fields: SanitationInstalmentPlanRow,
    check: checkInstalmentPlanRow,
    guarded: ['state', 'totalTetri', 'instalments', 'firstDueOn', 'legalActNumber', 'legalActDate'],
    uniqueKeys: [],
    parents: { payerId: 'sanitationPayer' },
    rank: 2,
  }),
  sanitationInspection: define({
    scope: 'sanitation',
    fields: SanitationInspectionRow,
    check: checkInspectionRow,
    // What was observed is append-only; two supervisors deciding differently wait for a person.
    guarded: [
      'payerId',
      'visitedOn',
      'observedMembers',
      'observedQuantity',
      'approval',
      'decidedBy',
      'decidedAt',
    ],
    uniqueKeys: [],
    parents: { payerId: 'sanitationPayer' },
    rank: 2,
  }),
  // Reference data of the sanitation registry: a head of the department changes it, a clerk reads it.
  sanitationActivityCategory: define({
    scope: 'sanitation',
    fields: SanitationActivityCategoryRow,
    guarded: ['unit', 'retiredOn'],
    uniqueKeys: [{ field: 'code' }],
    parents: {},
    rank: 0,
    writeAction: 'approve',
  }),
  sanitationSocialBand: define({
    scope: 'sanitation',
    fields: SanitationSocialBandRow,
    check: checkSocialBandRow,
    guarded: ['minScore', 'maxScore', 'retiredOn'],
    uniqueKeys: [{ field: 'code' }],
    parents: {},
    rank: 0,
    writeAction: 'approve',
  }),
  sanitationBankFormat: define({
    scope: 'sanitation',
    fields: SanitationBankFormatRow,
    guarded: ['layout', 'retiredOn'],
    uniqueKeys: [{ field: 'code' }],
    parents: {},
    rank: 0,
    writeAction: 'approve',
  }),
  syncConflict: define({
    scope: 'fromRow',
    fields: SyncConflictRow,
    check: checkConflictRow,
    // Two heads deciding one conflict differently must not be settled by their clocks.
    guarded: ['status', 'resolvedBy', 'resolvedAt'],
    uniqueKeys: [],
    parents: {},
    rank: 9,
    clientWritable: conflictDecisionFields,
  }),
} as const satisfies Record<string, EntityDefinition>

export type EntityName = keyof typeof entities

export const entityNames = Object.keys(entities) as EntityName[]

export const isEntityName = (name: string): name is EntityName => Object.hasOwn(entities, name)

/** Entities in snapshot order: by rank, then by name so the order is total. */
export const entitiesInSnapshotOrder: readonly EntityName[] = [...entityNames].sort(
  (a, b) => entities[a].rank - entities[b].rank || (a < b ? -1 : 1),
)

/** The rows that point at `entity`: each child entity with the field naming its parent. */
export function childrenOf(entity: EntityName): { entity: EntityName; field: string }[] {
  return entityNames.flatMap((child) =>
    Object.entries((entities[child] as EntityDefinition).parents)
      .filter(([, parent]) => parent === entity)
      .map(([field]) => ({ entity: child, field })),
  )
}

// Each schema is made once per entity: zod compiles a schema on its first parse, which cost about
// 0.46 ms a row when a new one was made for every row pushed, seeded or loaded.
const fullSchemas = new Map<EntityName, z.ZodType<RowValues>>()
const partialSchemas = new Map<EntityName, z.ZodType<RowValues>>()

/** The schema of a whole stored row (fields plus cross-field rules). */
export function fullRowSchema(entity: EntityName): z.ZodType<RowValues> {
  let schema = fullSchemas.get(entity)
  if (!schema) {
    const def: EntityDefinition = entities[entity]
    const check = def.check
    schema = (
      check ? def.fields.superRefine((row, ctx) => check(row as RowValues, ctx)) : def.fields
    ) as z.ZodType<RowValues>
    fullSchemas.set(entity, schema)
  }
  return schema
}

/** The schema of some of a row's fields (an update): each named field checked, unknown ones refused. */
export function someFieldsSchema(entity: EntityName): z.ZodType<RowValues> {
  let schema = partialSchemas.get(entity)
  if (!schema) {
    schema = (entities[entity] as EntityDefinition).fields.partial() as unknown as z.ZodType<RowValues>
    partialSchemas.set(entity, schema)
  }
  return schema
}

/** The scope a row belongs to, or null when the row does not say a valid one. */
export function scopeOfRow(entity: EntityName, values: RowValues): Scope | null {
  const scope = (entities[entity] as EntityDefinition).scope
  if (scope !== 'fromRow') return scope
  const named = values.scope
  const parsed = SyncConflictRow.shape.scope.safeParse(named)
  return parsed.success ? parsed.data : null
}
