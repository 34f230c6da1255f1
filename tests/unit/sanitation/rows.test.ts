import { describe, expect, it } from 'vitest'
import { inspectionChange, observationFits } from '../../../domain/sanitation/inspection'
import { paymentCodeOf } from '../../../domain/sanitation/paymentCode'
import { InspectionFields, PayerFields, TariffVersionFields } from '../../../domain/sanitation/schemas'
import { entities, fullRowSchema } from '../../../domain/sync/entities'
import { fieldErrorsOf } from '../../../domain/validation'
import { UNIT_A, uid } from './fixtures'

const householdRow = {
  kind: 'household',
  status: 'active',
  paymentCode: paymentCodeOf('household', 5),
  name: 'ნინო ბერიძე',
  personalNumber: '01001012345',
  companyCode: null,
  territorialUnitId: UNIT_A,
  street: 'მეგობრობის გამზირი',
  building: '12',
  apartment: '45',
  postalCode: '3700',
  phone: null,
  registeredMembers: 4,
  socialScore: 65_000,
  activityCategory: null,
  billingUnit: null,
  billingQuantity: null,
  billedFrom: '2020-01',
  closedOn: null,
  notes: '',
}

const errorsOf = (
  schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } },
  value: unknown,
) => {
  const r = schema.safeParse(value)
  return r.success ? {} : fieldErrorsOf(r.error as never)
}

describe('sanitation rows', () => {
  it('declares every sanitation entity in the sanitation scope', () => {
    const names = Object.entries(entities)
      .filter(([, d]) => d.scope === 'sanitation')
      .map(([n]) => n)
    expect(names).toHaveLength(15)
    expect(entities.sanitationChargeLine.uniqueKeys.map((k) => k.field)).toEqual(['lineKey'])
    expect(entities.sanitationPayment.uniqueKeys.map((k) => k.field)).toEqual([
      'receiptNumber',
      'bankReference',
    ])
    expect(entities.sanitationChargeLine.guarded).toContain('amountTetri')
  })

  it('checks a payer as a whole: a household has a head and members, an organisation a unit and quantity', () => {
    const payer = fullRowSchema('sanitationPayer')
    expect(payer.safeParse(householdRow).success).toBe(true)
    expect(errorsOf(payer, { ...householdRow, registeredMembers: null })).toEqual({
      registeredMembers: 'validation.required',
    })
    expect(errorsOf(payer, { ...householdRow, billingUnit: 'sqm' })).toEqual({
      billingUnit: 'sanitation.payer.notForHousehold',
    })
    expect(errorsOf(payer, { ...householdRow, paymentCode: paymentCodeOf('organisation', 5) })).toEqual({
      paymentCode: 'sanitation.paymentCode.wrongKind',
    })
    expect(errorsOf(payer, { ...householdRow, paymentCode: '1000000050' })).toEqual({
      paymentCode: 'sanitation.paymentCode.invalid',
    })
    const organisation = {
      ...householdRow,
      kind: 'organisation',
      paymentCode: paymentCodeOf('organisation', 5),
      personalNumber: null,
      registeredMembers: null,
      socialScore: null,
      companyCode: '404404404',
      activityCategory: 'retail',
      billingUnit: 'sqm',
      billingQuantity: 12.35,
    }
    expect(payer.safeParse(organisation).success).toBe(true)
    expect(errorsOf(payer, { ...organisation, billingQuantity: 12.345 })).toEqual({
      billingQuantity: 'sanitation.quantity.precision',
    })
    expect(errorsOf(payer, { ...organisation, companyCode: null })).toEqual({
      companyCode: 'validation.required',
    })
  })

  it('gives the form of a new payer the same rules without the fields the registry sets', () => {
    const { paymentCode: _p, status: _s, closedOn: _c, ...fields } = householdRow
    expect(PayerFields.safeParse(fields).success).toBe(true)
    expect(errorsOf(PayerFields, { ...fields, personalNumber: '123' })).toEqual({
      personalNumber: 'georgian.personalNumber.invalid',
    })
    expect(errorsOf(PayerFields, { ...fields, paymentCode: paymentCodeOf('household', 1) })).toEqual({
      paymentCode: 'validation.unknownField',
    })
  })

  it('refuses a tariff version with doubled rates, or reaching back without naming what it amends', () => {
    const version = {
      resolutionNumber: '45',
      resolutionDate: '2021-12-24',
      effectiveFrom: '2022-01-01',
      effectiveTo: null,
      householdRateTetri: 40,
      memberCap: 4,
      amendsVersionId: null,
      note: '',
      bandRates: [{ band: 'vulnerable', rateTetri: 20 }],
      activityRates: [{ category: 'retail', unit: 'sqm', rateTetri: 25 }],
    }
    expect(TariffVersionFields.safeParse(version).success).toBe(true)
    expect(errorsOf(TariffVersionFields, { ...version, effectiveFrom: '2021-12-01' })).toEqual({
      amendsVersionId: 'sanitation.tariff.retroactiveNeedsAmended',
    })
    expect(
      errorsOf(TariffVersionFields, { ...version, effectiveFrom: '2021-12-01', amendsVersionId: uid(1) }),
    ).toEqual({})
    expect(
      errorsOf(TariffVersionFields, {
        ...version,
        bandRates: [...version.bandRates, { band: 'vulnerable', rateTetri: 10 }],
      }),
    ).toEqual({
      'bandRates.1.band': 'sanitation.tariff.duplicateRate',
    })
    expect(errorsOf(TariffVersionFields, { ...version, householdRateTetri: 0.5 })).toEqual({
      householdRateTetri: 'georgian.money.invalid',
    })
  })

  it('checks charge lines by kind', () => {
    const chargeLine = fullRowSchema('sanitationChargeLine')
    const base = {
      payerId: uid(1),
      period: '2025-03',
      kind: 'charge',
      amountTetri: 120,
      tariffVersionId: uid(2),
      rateCode: 'household',
      rateTetri: 40,
      quantityHundredths: 300,
      registeredMembers: 3,
      reliefPercent: 0,
      exemptionId: null,
      amnestyId: null,
      legalBasis: 'x',
      billingRunId: uid(3),
      relatedLineId: null,
      issuedOn: '2025-03-28',
      lineKey: `charge/${uid(1)}/2025-03/0`,
    }
    expect(chargeLine.safeParse(base).success).toBe(true)
    expect(errorsOf(chargeLine, { ...base, amountTetri: -1 })).toEqual({
      amountTetri: 'sanitation.charge.positive',
    })
    expect(errorsOf(chargeLine, { ...base, period: '2025-13' })).toEqual({
      period: 'sanitation.period.invalid',
    })
    expect(errorsOf(chargeLine, { ...base, kind: 'reversal', amountTetri: -120 })).toMatchObject({
      relatedLineId: 'validation.required',
      lineKey: 'validation.invalid',
    })
  })

  it('inspections record one observation of the payer kind, and say what approval would change', () => {
    const visit = {
      payerId: uid(1),
      visitedOn: '2025-03-02',
      inspector: 'გიორგი',
      observedMembers: 5,
      observedQuantity: null,
      note: '',
    }
    expect(InspectionFields.safeParse(visit).success).toBe(true)
    expect(errorsOf(InspectionFields, { ...visit, observedQuantity: 30 })).toEqual({
      observedMembers: 'sanitation.inspection.oneObservation',
    })
    expect(observationFits({ kind: 'household' }, visit)).toBe(true)
    expect(observationFits({ kind: 'organisation' }, visit)).toBe(false)
    const payer = { kind: 'household' as const, registeredMembers: 3, billingQuantity: null }
    expect(inspectionChange(payer, visit)).toEqual({ field: 'registeredMembers', from: 3, to: 5 })
    expect(inspectionChange({ ...payer, registeredMembers: 5 }, visit)).toBeNull()
    expect(
      inspectionChange(
        { kind: 'organisation', registeredMembers: null, billingQuantity: 80 },
        { observedMembers: null, observedQuantity: 95.5 },
      ),
    ).toEqual({ field: 'billingQuantity', from: 80, to: 95.5 })
  })
})
