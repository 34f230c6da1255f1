import { z } from 'zod'
import { Id } from '../text'
import { CadastralCodeRecord, PropertyObjectFields } from './schemas'
import { DocumentKind, ObjectState, ObjectType, RentSchedule, TenantKind } from './vocabulary'

/** One line of the property list. */
export const PropertyListRow = z
  .object({
    id: Id,
    inventoryNumber: z.string(),
    name: z.string(),
    type: ObjectType,
    state: ObjectState,
    territorialUnitId: z.string(),
    address: z.string(),
    cadastralCode: z.string().nullable(),
    areaSqm: z.number().nullable(),
    bookValueTetri: z.number().int(),
    tenantName: z.string().nullable(),
  })
  .strict()
export type PropertyListRow = z.infer<typeof PropertyListRow>

export const PropertySortField = z.enum([
  'inventoryNumber',
  'name',
  'type',
  'state',
  'address',
  'areaSqm',
  'bookValueTetri',
  'updatedAt',
])
export type PropertySortField = z.infer<typeof PropertySortField>

export const PropertyListQuery = z
  .object({
    search: z.string().max(100, 'validation.tooLong').default(''),
    type: ObjectType.nullable().default(null),
    state: ObjectState.nullable().default(null),
    territorialUnitId: Id.nullable().default(null),
    sort: PropertySortField.default('inventoryNumber'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().nonnegative().max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()
export type PropertyListQuery = z.input<typeof PropertyListQuery>

export const PropertyListPage = z.object({ total: z.number().int(), rows: z.array(PropertyListRow) }).strict()
export type PropertyListPage = z.infer<typeof PropertyListPage>

export const LeasePaymentView = z
  .object({ id: Id, paidOn: z.string(), amountTetri: z.number().int(), reference: z.string() })
  .strict()
export type LeasePaymentView = z.infer<typeof LeasePaymentView>

export const LeaseView = z
  .object({
    id: Id,
    version: z.number().int(),
    objectId: Id,
    contractNumber: z.string(),
    tenantKind: TenantKind,
    tenantName: z.string(),
    tenantIdNumber: z.string(),
    tenantPhone: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string(),
    annualRentTetri: z.number().int(),
    schedule: RentSchedule,
    legalBasis: z.string(),
    terminatedOn: z.string().nullable(),
    /** Rent fallen due up to today, paid, and the difference (never negative). */
    dueToDateTetri: z.number().int(),
    paidTetri: z.number().int(),
    arrearsTetri: z.number().int(),
    payments: z.array(LeasePaymentView),
  })
  .strict()
export type LeaseView = z.infer<typeof LeaseView>

export const DocumentView = z
  .object({
    id: Id,
    title: z.string(),
    kind: DocumentKind,
    fileName: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    addedAt: z.string(),
  })
  .strict()
export type DocumentView = z.infer<typeof DocumentView>

export const PropertyObjectDetail = PropertyObjectFields.extend({
  id: Id,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  cadastralCodes: z.array(CadastralCodeRecord),
  leases: z.array(LeaseView),
  documents: z.array(DocumentView),
}).strict()
export type PropertyObjectDetail = z.infer<typeof PropertyObjectDetail>

export const GroupCount = z
  .object({ key: z.string(), count: z.number().int(), areaSqm: z.number(), bookValueTetri: z.number().int() })
  .strict()

export const ObjectsReport = z
  .object({
    byType: z.array(GroupCount),
    byState: z.array(GroupCount),
    byTerritorialUnit: z.array(GroupCount),
  })
  .strict()
export type ObjectsReport = z.infer<typeof ObjectsReport>

export const LeaseIncomeRow = z
  .object({
    leaseId: Id,
    objectId: Id,
    inventoryNumber: z.string(),
    contractNumber: z.string(),
    tenantName: z.string(),
    dueTetri: z.number().int(),
    paidTetri: z.number().int(),
    arrearsTetri: z.number().int(),
  })
  .strict()

export const LeaseIncomeReport = z
  .object({
    year: z.number().int(),
    dueTetri: z.number().int(),
    paidTetri: z.number().int(),
    arrearsTetri: z.number().int(),
    rows: z.array(LeaseIncomeRow),
  })
  .strict()
export type LeaseIncomeReport = z.infer<typeof LeaseIncomeReport>

export const ExpiringLease = z
  .object({
    leaseId: Id,
    objectId: Id,
    inventoryNumber: z.string(),
    contractNumber: z.string(),
    tenantName: z.string(),
    endDate: z.string(),
    daysLeft: z.number().int(),
    annualRentTetri: z.number().int(),
  })
  .strict()
export type ExpiringLease = z.infer<typeof ExpiringLease>
