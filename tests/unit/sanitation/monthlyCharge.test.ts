import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { afterRelief, rateTimesQuantity, roundHalfUp } from '../../../domain/sanitation/arithmetic'
import { type Exemption, monthlyCharge } from '../../../domain/sanitation/monthlyCharge'
import { versionInForce } from '../../../domain/sanitation/tariff'
import { household, organisation, rules, uid, version } from './fixtures'

const base = version({ id: uid(1) })
const act = { legalActNumber: '12', legalActDate: '2022-03-01', legalActKind: 'resolution' as const }
const exemption = (over: Partial<Exemption>): Exemption => ({
  id: uid(500),
  target: 'payer',
  payerId: null,
  targetCode: null,
  reliefPercent: 50,
  fromPeriod: '2022-01',
  toPeriod: null,
  ...act,
  ...over,
})

describe('rounding', () => {
  it('rounds halves up, once, to whole tetri', () => {
    expect(roundHalfUp(5, 10)).toBe(1)
    expect(roundHalfUp(4, 10)).toBe(0)
    expect(roundHalfUp(15, 10)).toBe(2)
    expect(roundHalfUp(-15, 10)).toBe(-2)
    expect(rateTimesQuantity(25, 1_235)).toBe(309) // 25 x 12.35 m² = 308.75
    expect(rateTimesQuantity(25, 1_234)).toBe(309) // 308.5
    expect(rateTimesQuantity(25, 1_233)).toBe(308) // 308.25
    expect(afterRelief(125, 50)).toBe(62) // relief 62.5 -> 63
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError)
  })

  it('never loses a tetri between the relief and what is left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        (amount, pct) => {
          const left = afterRelief(amount, pct)
          expect(left).toBeGreaterThanOrEqual(0)
          expect(left).toBeLessThanOrEqual(amount)
          expect(Math.abs(left - (amount * (100 - pct)) / 100)).toBeLessThanOrEqual(0.5)
        },
      ),
    )
  })
})

describe('the tariff in force', () => {
  const v2017 = version({ id: uid(1), resolutionDate: '2016-12-20', effectiveFrom: '2017-01-01' })
  const v2025 = version({ id: uid(2), resolutionDate: '2024-12-20', effectiveFrom: '2025-01-01' })
  const amendment = version({
    id: uid(3),
    resolutionDate: '2025-04-10',
    effectiveFrom: '2025-03-01',
    amendsVersionId: uid(2),
  })
  it('is the version adopted last among those covering the day', () => {
    const all = [amendment, v2025, v2017]
    expect(versionInForce(all, '2024-12-01')?.id).toBe(uid(1))
    expect(versionInForce(all, '2025-01-01')?.id).toBe(uid(2))
    expect(versionInForce(all, '2025-03-01')?.id).toBe(uid(3))
    expect(versionInForce(all, '2016-12-01')).toBeNull()
  })
  it('does not depend on the order of the list', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([v2017, v2025, amendment], { minLength: 3 }), (list) => {
        expect(versionInForce(list, '2025-03-01')?.id).toBe(uid(3))
      }),
    )
  })
  it('ends where a version says it ends', () => {
    const closed = version({ id: uid(4), effectiveFrom: '2022-01-01', effectiveTo: '2022-06-30' })
    expect(versionInForce([closed], '2022-06-01')?.id).toBe(uid(4))
    expect(versionInForce([closed], '2022-07-01')).toBeNull()
  })
})

describe('the monthly charge of a household', () => {
  it('is the rate per member times the members', () => {
    const c = monthlyCharge(household({ id: uid(10), registeredMembers: 3 }), '2022-05', rules([base]))
    expect(c).toMatchObject({
      kind: 'charge',
      amountTetri: 120,
      rateTetri: 40,
      quantityHundredths: 300,
      rateCode: 'household',
    })
  })
  it('counts at most the cap of members', () => {
    const c = monthlyCharge(household({ id: uid(10), registeredMembers: 7 }), '2022-05', rules([base]))
    expect(c).toMatchObject({ amountTetri: 160, quantityHundredths: 400, registeredMembers: 7 })
  })
  it('pays the band rate when its social score falls in a priced band', () => {
    const vulnerable = household({ id: uid(10), registeredMembers: 5, socialScore: 57_000 })
    expect(monthlyCharge(vulnerable, '2022-05', rules([base]))).toMatchObject({
      amountTetri: 80,
      rateCode: 'band:vulnerable',
    })
    // a band the version does not price pays the full rate
    const lowIncome = household({ id: uid(11), registeredMembers: 2, socialScore: 57_001 })
    expect(monthlyCharge(lowIncome, '2022-05', rules([base]))).toMatchObject({
      amountTetri: 80,
      rateCode: 'band:lowIncome',
    })
    const better = household({ id: uid(12), registeredMembers: 2, socialScore: 150_000 })
    expect(monthlyCharge(better, '2022-05', rules([base]))).toMatchObject({
      amountTetri: 80,
      rateCode: 'household',
    })
  })
  it('cites the resolution as the legal basis', () => {
    const c = monthlyCharge(household({ id: uid(10) }), '2022-05', rules([base]))
    expect(c).toMatchObject({
      legalBasis: 'რუსთავის მუნიციპალიტეტის საკრებულოს 2021 წლის 24 დეკემბრის №45 დადგენილება',
      tariffVersionId: uid(1),
    })
  })
  it('is skipped before billing starts, after closing, while vacant, without a tariff, and with no members', () => {
    const r = rules([base])
    expect(monthlyCharge(household({ id: uid(10), billedFrom: '2022-06' }), '2022-05', r)).toEqual({
      kind: 'skip',
      reason: 'notStarted',
    })
    expect(
      monthlyCharge(household({ id: uid(10), closedOn: '2022-04-15', status: 'closed' }), '2022-04', r).kind,
    ).toBe('charge')
    expect(
      monthlyCharge(household({ id: uid(10), closedOn: '2022-04-15', status: 'closed' }), '2022-05', r),
    ).toEqual({ kind: 'skip', reason: 'closed' })
    expect(monthlyCharge(household({ id: uid(10), status: 'vacant' }), '2022-05', r)).toEqual({
      kind: 'skip',
      reason: 'vacant',
    })
    expect(
      monthlyCharge(household({ id: uid(10), status: 'vacant' }), '2022-05', {
        ...r,
        settings: { ...r.settings, chargeVacant: true },
      }).kind,
    ).toBe('charge')
    expect(monthlyCharge(household({ id: uid(10) }), '2021-12', r)).toEqual({
      kind: 'skip',
      reason: 'noTariff',
    })
    expect(monthlyCharge(household({ id: uid(10), registeredMembers: 0 }), '2022-05', r)).toEqual({
      kind: 'skip',
      reason: 'zero',
    })
  })
  it('uses the version in force on the first day of the period', () => {
    const later = version({
      id: uid(2),
      householdRateTetri: 60,
      resolutionDate: '2022-05-20',
      effectiveFrom: '2022-05-02',
    })
    const r = rules([base, later])
    expect(monthlyCharge(household({ id: uid(10) }), '2022-05', r)).toMatchObject({
      amountTetri: 120,
      tariffVersionId: uid(1),
    })
    expect(monthlyCharge(household({ id: uid(10) }), '2022-06', r)).toMatchObject({
      amountTetri: 180,
      tariffVersionId: uid(2),
    })
  })
})

describe('the monthly charge of an organisation', () => {
  it('is its category rate per unit times its quantity, rounded half up', () => {
    expect(
      monthlyCharge(organisation({ id: uid(20), billingQuantity: 80 }), '2022-05', rules([base])),
    ).toMatchObject({
      amountTetri: 2_000,
      rateCode: 'activity:retail:sqm',
      quantityHundredths: 8_000,
    })
    expect(
      monthlyCharge(organisation({ id: uid(20), billingQuantity: 12.35 }), '2022-05', rules([base])),
    ).toMatchObject({
      amountTetri: 309,
    })
    const cafe = organisation({
      id: uid(21),
      activityCategory: 'catering',
      billingUnit: 'seat',
      billingQuantity: 36,
    })
    expect(monthlyCharge(cafe, '2022-05', rules([base]))).toMatchObject({ amountTetri: 5_400 })
  })
  it('is skipped when the version has no rate for its category and unit', () => {
    const odd = organisation({
      id: uid(22),
      activityCategory: 'retail',
      billingUnit: 'bed',
      billingQuantity: 3,
    })
    expect(monthlyCharge(odd, '2022-05', rules([base]))).toEqual({ kind: 'skip', reason: 'noRate' })
  })
})

describe('exemptions', () => {
  const payer = household({ id: uid(10), registeredMembers: 3, socialScore: 20_000 })
  it('relieve by payer, category, band or all households, the largest relief winning', () => {
    const byPayer = exemption({ id: uid(501), payerId: uid(10), reliefPercent: 25 })
    const byBand = exemption({
      id: uid(502),
      target: 'socialBand',
      targetCode: 'vulnerable',
      reliefPercent: 50,
    })
    const c = monthlyCharge(payer, '2022-05', rules([base], [byPayer, byBand]))
    // band rate 20 x 3 = 60, less 50 % = 30
    expect(c).toMatchObject({ amountTetri: 30, reliefPercent: 50, exemptionId: uid(502) })
    expect((c as { legalBasis: string }).legalBasis).toContain(
      '; შეღავათი: 2022 წლის 1 მარტის №12 დადგენილება',
    )
  })
  it('only within their periods and for their target', () => {
    const past = exemption({ id: uid(503), payerId: uid(10), toPeriod: '2022-04', reliefPercent: 100 })
    expect(monthlyCharge(payer, '2022-04', rules([base], [past]))).toEqual({ kind: 'skip', reason: 'exempt' })
    expect(monthlyCharge(payer, '2022-05', rules([base], [past])).kind).toBe('charge')
    const shops = exemption({
      id: uid(504),
      target: 'activityCategory',
      targetCode: 'retail',
      reliefPercent: 100,
    })
    expect(monthlyCharge(payer, '2022-05', rules([base], [shops])).kind).toBe('charge')
    expect(monthlyCharge(organisation({ id: uid(20) }), '2022-05', rules([base], [shops])).kind).toBe('skip')
    const households = exemption({ id: uid(505), target: 'allHouseholds', reliefPercent: 100 })
    expect(monthlyCharge(organisation({ id: uid(20) }), '2022-05', rules([base], [households])).kind).toBe(
      'charge',
    )
    expect(monthlyCharge(payer, '2022-05', rules([base], [households])).kind).toBe('skip')
  })
})

describe('any household', () => {
  it('pays whole tetri: rate x min(members, cap), never more than the cap allows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10 }),
        (members, rate, cap) => {
          const v = version({ id: uid(1), householdRateTetri: rate, memberCap: cap, bandRates: new Map() })
          const c = monthlyCharge(
            household({ id: uid(10), registeredMembers: members }),
            '2022-05',
            rules([v]),
          )
          expect(c).toMatchObject({ kind: 'charge', amountTetri: rate * Math.min(members, cap) })
        },
      ),
    )
  })
})
