// Sample records of the sanitation registry's create and change calls, and the bad inputs each must
// refuse (tests/integration/contract/badInput.test.ts).

export const samplePayerUnitId = '0190a3c0-0000-7000-8000-000000000101'
const noSuchId = '0190a3c0-0000-7000-8000-00000000ffff'

export const sampleHousehold = (unitId = samplePayerUnitId, overrides: Record<string, unknown> = {}) => ({
  kind: 'household',
  name: 'მარიამ ბერიძე',
  personalNumber: '01019012345',
  companyCode: null,
  territorialUnitId: unitId,
  street: 'მეგობრობის გამზირი',
  building: '12',
  apartment: '45',
  postalCode: '3700',
  phone: '+995599123456',
  registeredMembers: 5,
  socialScore: 45_000,
  activityCategory: null,
  billingUnit: null,
  billingQuantity: null,
  billedFrom: '2026-03',
  notes: 'ახალი ბინა',
  ...overrides,
})

export const sampleOrganisation = (unitId = samplePayerUnitId, overrides: Record<string, unknown> = {}) => ({
  ...sampleHousehold(unitId),
  kind: 'organisation',
  name: 'შპს რუსთავის საცხობი',
  personalNumber: null,
  companyCode: '402011223',
  registeredMembers: null,
  socialScore: null,
  activityCategory: 'retail',
  billingUnit: 'sqm',
  billingQuantity: 84.5,
  ...overrides,
})

export const sampleAct = { legalActNumber: '12', legalActDate: '2026-03-01', legalActKind: 'order' }

const tariff = {
  resolutionNumber: '9',
  resolutionDate: '2026-02-20',
  effectiveFrom: '2026-03-01',
  effectiveTo: null,
  householdRateTetri: 50,
  memberCap: 4,
  amendsVersionId: null,
  note: '',
  bandRates: [],
  activityRates: [],
}

/** Inputs each create-and-change call must refuse with a coded error, changing nothing. */
export function sanitationEditBadInputs(unitId: string): Record<string, unknown[]> {
  const household = sampleHousehold(unitId)
  const organisation = sampleOrganisation(unitId)
  return {
    'sanitation.createPayer': [
      { ...household, personalNumber: '1234' },
      { ...household, companyCode: '402011223' },
      { ...household, registeredMembers: -1 },
      { ...household, billedFrom: '2026-13' },
      { ...household, territorialUnitId: noSuchId },
      { ...household, paymentCode: '1000000000' },
      { ...organisation, billingQuantity: 1.234 },
      { ...organisation, activityCategory: 'casino' },
      { ...organisation, billingUnit: 'acre' },
    ],
    'sanitation.updatePayer': [
      { id: noSuchId, version: 1, changes: { name: 'x' } },
      { id: noSuchId, version: 1, changes: { kind: 'organisation' } },
      { id: noSuchId, version: -1, changes: {} },
    ],
    'sanitation.previewTariffVersion': [
      { ...tariff, effectiveTo: '2026-01-01' },
      { ...tariff, effectiveFrom: '2026-01-01' },
      { ...tariff, householdRateTetri: 1.5 },
    ],
    'sanitation.createTariffVersion': [
      { ...tariff, memberCap: 0 },
      { ...tariff, amendsVersionId: noSuchId },
      { ...tariff, bandRates: [{ band: 'wealthy', rateTetri: 10 }] },
      { ...tariff, activityRates: [{ category: 'retail', unit: 'sqm', rateTetri: -5 }] },
      {
        ...tariff,
        bandRates: [
          { band: 'vulnerable', rateTetri: 10 },
          { band: 'vulnerable', rateTetri: 20 },
        ],
      },
    ],
    'sanitation.exemptions': [{ includePayers: 'yes' }],
    'sanitation.createExemption': [
      {
        target: 'payer',
        payerId: noSuchId,
        targetCode: null,
        reliefPercent: 50,
        fromPeriod: '2026-04',
        toPeriod: null,
        ...sampleAct,
        reason: 'x',
      },
      {
        target: 'socialBand',
        payerId: null,
        targetCode: 'vulnerable',
        reliefPercent: 0,
        fromPeriod: '2026-04',
        toPeriod: null,
        ...sampleAct,
        reason: 'x',
      },
      {
        target: 'allHouseholds',
        payerId: null,
        targetCode: null,
        reliefPercent: 10,
        fromPeriod: '2026-04',
        toPeriod: '2026-01',
        ...sampleAct,
        reason: 'x',
      },
    ],
    'sanitation.endExemption': [
      { id: noSuchId, version: 1, toPeriod: '2026-05' },
      { id: noSuchId, version: 1, toPeriod: 'May' },
    ],
    'sanitation.createInstalmentPlan': [
      {
        payerId: noSuchId,
        totalTetri: 1000,
        instalments: 4,
        firstDueOn: '2026-04-01',
        agreedOn: '2026-03-15',
        ...sampleAct,
        note: '',
      },
      {
        payerId: noSuchId,
        totalTetri: 1000,
        instalments: 40,
        firstDueOn: '2026-04-01',
        agreedOn: '2026-03-15',
        ...sampleAct,
        note: '',
      },
      {
        payerId: noSuchId,
        totalTetri: 1000,
        instalments: 4,
        firstDueOn: '2026-03-01',
        agreedOn: '2026-03-15',
        ...sampleAct,
        note: '',
      },
    ],
    'sanitation.cancelInstalmentPlan': [
      { id: noSuchId, version: 1, reason: 'x' },
      { id: noSuchId, version: 1, reason: '' },
    ],
    'sanitation.previewAmnesty': [
      { fromPeriod: '2025-05', toPeriod: '2025-04', coverage: 'all', ...sampleAct, reason: 'x' },
      { fromPeriod: '2025-04', toPeriod: '2099-04', coverage: 'all', ...sampleAct, reason: 'x' },
    ],
    'sanitation.grantAmnesty': [
      { fromPeriod: '2025-04', toPeriod: '2025-05', coverage: 'everyone', ...sampleAct, reason: 'x' },
      { fromPeriod: '2025-04', toPeriod: '2099-04', coverage: 'all', ...sampleAct, reason: 'x' },
      { fromPeriod: '2025-04', toPeriod: '2025-05', coverage: 'all', ...sampleAct, legalActNumber: '' },
    ],
    'sanitation.recordInspection': [
      {
        payerId: noSuchId,
        visitedOn: '2026-03-01',
        inspector: 'x',
        observedMembers: 3,
        observedQuantity: null,
        note: '',
      },
      {
        payerId: noSuchId,
        visitedOn: '2026-03-01',
        inspector: 'x',
        observedMembers: 3,
        observedQuantity: 4,
        note: '',
      },
      {
        payerId: noSuchId,
        visitedOn: '2026-03-01',
        inspector: 'x',
        observedMembers: 3,
        observedQuantity: null,
        note: '',
        approval: 'approved',
      },
    ],
    'sanitation.inspections': [{ approval: 'maybe' }],
    'sanitation.decideInspection': [
      { inspectionId: noSuchId, approve: true },
      { inspectionId: noSuchId, approve: 'yes' },
    ],
  }
}
