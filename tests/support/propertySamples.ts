import type { LeaseFields, PropertyObjectCreate } from '../../domain/property/schemas'

export function sampleObject(
  territorialUnitId: string,
  overrides: Partial<PropertyObjectCreate> = {},
): PropertyObjectCreate {
  return {
    inventoryNumber: 'RST-2026-900001',
    name: 'არასაცხოვრებელი ფართი',
    type: 'premises',
    propertyClass: 'additional',
    state: 'vacant',
    territorialUnitId,
    street: 'კოსტავას ქუჩა',
    building: '14',
    apartment: '3',
    postalCode: '3700',
    addressNote: '',
    areaSqm: 64.25,
    purpose: 'ოფისი',
    bookValueTetri: 4_550_000,
    marketValueTetri: null,
    acquiredOn: '2016-05-20',
    acquisitionMethod: 'stateTransfer',
    acquisitionAct: 'მერის 2016 წლის 20 მაისის №312 ბრძანება',
    custodian: 'ქონების მართვის სამსახური',
    notes: '',
    cadastralCode: '02.07.13.005.044',
    ...overrides,
  }
}

export function sampleLease(objectId: string, overrides: Partial<LeaseFields> = {}): LeaseFields {
  return {
    objectId,
    contractNumber: 'ქ-2025/0001',
    tenantKind: 'company',
    tenantName: 'შპს „რუსთავის ფარმაცია“',
    tenantIdNumber: '216543210',
    tenantPhone: '+995599123456',
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    annualRentTetri: 1_200_000,
    schedule: 'monthly',
    legalBasis: 'აუქციონის ოქმი №45',
    ...overrides,
  }
}
