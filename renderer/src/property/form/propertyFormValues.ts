import { PropertyObjectFields } from '../../../../domain/property/schemas'
import type { PropertyObjectDetail } from '../../../../domain/property/views'

export type FieldName = keyof PropertyObjectFields

export const objectFieldNames = Object.keys(PropertyObjectFields.shape) as FieldName[]

/**
 * What a new-object form starts with. Text fields are empty strings ("not given"); the choices a
 * clerk must make deliberately (type, unit, acquisition) and the book value start unset, so
 * skipping them is "required" rather than a silent default.
 */
export const emptyObjectForm = () => ({
  inventoryNumber: '',
  name: '',
  type: undefined,
  propertyClass: 'basic' as const,
  state: 'inUse' as const,
  territorialUnitId: undefined,
  street: '',
  building: '',
  apartment: '',
  postalCode: null,
  addressNote: '',
  areaSqm: null,
  purpose: '',
  bookValueTetri: undefined,
  marketValueTetri: null,
  acquiredOn: null,
  acquisitionMethod: undefined,
  acquisitionAct: '',
  custodian: '',
  notes: '',
  cadastralCode: null,
})

/** The editable fields of a loaded object, nothing else (the update schema is strict). */
export function fieldsOf(detail: PropertyObjectDetail): PropertyObjectFields {
  const fields: Record<string, unknown> = {}
  for (const name of objectFieldNames) fields[name] = detail[name]
  return fields as PropertyObjectFields
}

/** Only what the clerk changed: the update carries these and the version the form was loaded at. */
export function changedFields(
  before: PropertyObjectFields,
  after: PropertyObjectFields,
): Partial<PropertyObjectFields> {
  const changes: Record<string, unknown> = {}
  for (const name of objectFieldNames) {
    if (!Object.is(before[name], after[name])) changes[name] = after[name]
  }
  return changes as Partial<PropertyObjectFields>
}
