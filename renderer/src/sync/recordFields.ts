import { z } from 'zod'
import { isIsoDate } from '../../../domain/georgian'
import {
  CadastralCodeChange,
  DocumentUpload,
  LeaseFields,
  LeasePaymentFields,
  PropertyObjectFields,
} from '../../../domain/property/schemas'
import {
  AcquisitionMethod,
  DocumentKind,
  ObjectState,
  ObjectType,
  PropertyClass,
  RentSchedule,
  TenantKind,
} from '../../../domain/property/vocabulary'

// What the sync screens need to show and edit a change's raw fields: which input each field takes
// and which domain schema checks it, so a clerk fixing a refused change gets the form's own rules.

export type FieldValue = string | number | boolean | null

export type FieldKind =
  | 'readOnly'
  | 'money'
  | 'date'
  | 'choice'
  | 'unit'
  | 'number'
  | 'boolean'
  | 'longText'
  | 'text'

/** The clerk's form schema of each entity, by the entity names of `db/replicatedTables.ts`. */
const entityShapes: Record<string, Readonly<Record<string, z.ZodType>>> = {
  propertyObject: PropertyObjectFields.shape,
  propertyCadastralCode: CadastralCodeChange.shape,
  propertyLease: LeaseFields.shape,
  propertyLeasePayment: LeasePaymentFields.shape,
  propertyDocument: DocumentUpload.shape,
}

/** Enum fields: their values and the i18n prefix of their labels. */
export const choiceFields: Readonly<Record<string, { prefix: string; options: readonly string[] }>> = {
  type: { prefix: 'property.type', options: ObjectType.options },
  propertyClass: { prefix: 'property.propertyClass', options: PropertyClass.options },
  state: { prefix: 'property.state', options: ObjectState.options },
  acquisitionMethod: { prefix: 'property.acquisitionMethod', options: AcquisitionMethod.options },
  tenantKind: { prefix: 'property.tenantKind', options: TenantKind.options },
  schedule: { prefix: 'property.schedule', options: RentSchedule.options },
  kind: { prefix: 'property.documentKind', options: DocumentKind.options },
}

/** Links to other rows, file internals and timestamps: shown, never typed over. */
const readOnlyFields = new Set([
  'objectId',
  'leaseId',
  'sha256',
  'sizeBytes',
  'mimeType',
  'fileName',
  'contentBase64',
  'addedAt',
  'deletedAt',
  'createdAt',
  'updatedAt',
])

const dateFields = new Set([
  'acquiredOn',
  'validFrom',
  'validTo',
  'startDate',
  'endDate',
  'terminatedOn',
  'paidOn',
])

export function fieldKind(field: string, value: FieldValue): FieldKind {
  if (readOnlyFields.has(field)) return 'readOnly'
  if (field.endsWith('Tetri')) return 'money'
  if (field in choiceFields) return 'choice'
  if (field === 'territorialUnitId') return 'unit'
  if (dateFields.has(field) || (typeof value === 'string' && isIsoDate(value))) return 'date'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'boolean') return 'boolean'
  if (field === 'notes') return 'longText'
  return 'text'
}

const AnyFieldValue = z.union([
  z.string().max(100_000, 'validation.tooLong'),
  z.number(),
  z.boolean(),
  z.null(),
])

/**
 * The schema a field's new value must pass: the entity form's own where there is one, otherwise
 * a value of the same kind as the saved one. A field that was empty may stay empty.
 */
export function fieldSchema(entity: string, field: string, saved: FieldValue): z.ZodType {
  const own = entityShapes[entity]?.[field]
  if (own) return saved === null ? own.nullable() : own
  const base =
    typeof saved === 'number'
      ? z.number()
      : typeof saved === 'boolean'
        ? z.boolean()
        : typeof saved === 'string'
          ? z.string().max(100_000, 'validation.tooLong')
          : AnyFieldValue
  return saved === null ? base.nullable() : base
}

/** The editable fields of a change, in the order the clerk saved them. */
export const editableFields = (fields: Readonly<Record<string, FieldValue>>): string[] =>
  Object.entries(fields)
    .filter(([field, value]) => fieldKind(field, value) !== 'readOnly')
    .map(([field]) => field)

/** The form's value back into a field value: an empty text that was empty (null) before stays null. */
export function toFieldValue(value: unknown, saved: FieldValue): FieldValue {
  if (value === undefined) return null
  if (value === '' && saved === null) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
    return value
  return String(value)
}
