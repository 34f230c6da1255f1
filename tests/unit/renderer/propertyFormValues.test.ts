import { describe, expect, it } from 'vitest'
import '../../../domain/validation'
import { PropertyObjectCreate, PropertyObjectFields } from '../../../domain/property/schemas'
import type { PropertyObjectDetail } from '../../../domain/property/views'
import {
  changedFields,
  emptyObjectForm,
  fieldsOf,
  objectFieldNames,
} from '../../../renderer/src/property/form/propertyFormValues'

const unitId = '01890000-0000-7000-8000-000000000001'

const fields: PropertyObjectFields = {
  inventoryNumber: 'RUS-0001',
  name: 'ადმინისტრაციული შენობა',
  type: 'building',
  propertyClass: 'basic',
  state: 'inUse',
  territorialUnitId: unitId,
  street: 'მეგობრობის გამზირი',
  building: '10',
  apartment: '',
  postalCode: '3700',
  addressNote: '',
  areaSqm: 412.5,
  purpose: '',
  bookValueTetri: 125_000_00,
  marketValueTetri: null,
  acquiredOn: '2009-05-12',
  acquisitionMethod: 'stateTransfer',
  acquisitionAct: '',
  custodian: '',
  notes: '',
}

const detail: PropertyObjectDetail = {
  ...fields,
  id: '01890000-0000-7000-8000-000000000002',
  version: 3,
  createdAt: '2024-01-01T10:00:00.000Z',
  updatedAt: '2024-02-01T10:00:00.000Z',
  cadastralCodes: [],
  leases: [],
  documents: [],
}

describe('property form values', () => {
  it('takes exactly the editable fields of a loaded object, which the edit schema accepts', () => {
    const taken = fieldsOf(detail)
    expect(Object.keys(taken).sort()).toEqual([...objectFieldNames].sort())
    expect(PropertyObjectFields.safeParse(taken).success).toBe(true)
  })

  it('sends only what changed', () => {
    const after = { ...fields, state: 'vacant' as const, marketValueTetri: 99_00, building: '10' }
    expect(changedFields(fields, after)).toEqual({ state: 'vacant', marketValueTetri: 99_00 })
    expect(changedFields(fields, { ...fields })).toEqual({})
  })

  it('sees a cleared optional value as a change', () => {
    expect(changedFields(fields, { ...fields, areaSqm: null, postalCode: null })).toEqual({
      areaSqm: null,
      postalCode: null,
    })
  })

  it('starts a new object with the deliberate choices unset, so skipping them is "required"', () => {
    const result = PropertyObjectCreate.safeParse(emptyObjectForm())
    expect(result.success).toBe(false)
    const messages: Record<string, string> = {}
    for (const issue of result.error!.issues) messages[issue.path.join('.')] ??= issue.message
    // An unchosen select says "choose from the list"; an unset value "required".
    expect(messages.type).toBe('validation.invalidChoice')
    expect(messages.acquisitionMethod).toBe('validation.invalidChoice')
    expect(messages.territorialUnitId).toBe('validation.required')
    expect(messages.bookValueTetri).toBe('validation.required')
    expect(messages.inventoryNumber).toBe('validation.required')
    // Optional fields start valid.
    expect(messages.postalCode).toBeUndefined()
    expect(messages.cadastralCode).toBeUndefined()
    expect(messages.acquiredOn).toBeUndefined()
  })

  it('lets the schema reject text that did not parse, with the domain message', () => {
    const typed = { ...emptyObjectForm(), ...fields, acquiredOn: '31.02.2020', cadastralCode: null }
    const result = PropertyObjectCreate.safeParse(typed)
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['acquiredOn', 'georgian.date.invalid'],
    ])
  })
})
