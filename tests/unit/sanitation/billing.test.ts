import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { billingPreview, planBilling } from '../../../domain/sanitation/billing'
import { standingsOf } from '../../../domain/sanitation/ledger'
import { runReversalLines } from '../../../domain/sanitation/runReversal'
import { fullRowSchema } from '../../../domain/sync/entities'
import { household, organisation, rules, UNIT_A, UNIT_B, uid, version, withIds } from './fixtures'

const v = version({ id: uid(1) })
const payers = [
  household({ id: uid(10), registeredMembers: 3 }), // 120
  household({ id: uid(11), registeredMembers: 6, territorialUnitId: UNIT_B }), // 160
  household({ id: uid(12), registeredMembers: 2, socialScore: 30_000 }), // 40
  household({ id: uid(13), status: 'vacant' }),
  organisation({ id: uid(20), billingQuantity: 80 }), // 2000
]
const run = (n: number, period = '2022-05', unit: string | null = null) => ({
  period,
  territorialUnitId: unit,
  billingRunId: uid(100 + n),
  issuedOn: `${period}-28`,
})

describe('a billing run', () => {
  it('charges every active payer in scope, each line carrying its tariff version and legal basis', () => {
    const plan = planBilling(run(1), payers, rules([v]), [])
    expect(plan.payerCount).toBe(5)
    expect(plan.lines.map((l) => [l.payerId, l.amountTetri])).toEqual([
      [uid(10), 120],
      [uid(11), 160],
      [uid(12), 40],
      [uid(20), 2_000],
    ])
    expect(plan.totalTetri).toBe(2_320)
    expect(plan.skipped.vacant).toBe(1)
    for (const l of plan.lines) {
      expect(l.tariffVersionId).toBe(uid(1))
      expect(l.legalBasis).toContain('№45 დადგენილება')
      expect(fullRowSchema('sanitationChargeLine').safeParse(l).success).toBe(true)
    }
  })

  it('limited to a territorial unit charges only that unit', () => {
    const plan = planBilling(run(1, '2022-05', UNIT_B), payers, rules([v]), [])
    expect(plan.payerCount).toBe(1)
    expect(plan.lines.map((l) => l.payerId)).toEqual([uid(11)])
  })

  it('run again for the same period writes nothing new; a cancelled run is finished by the next', () => {
    const first = withIds(planBilling(run(1), payers, rules([v]), []).lines.slice(0, 2), 1000)
    const second = planBilling(run(2), payers, rules([v]), first)
    expect(second.skipped.alreadyCharged).toBe(2)
    expect(second.lines.map((l) => l.payerId)).toEqual([uid(12), uid(20)])
    const third = planBilling(run(3), payers, rules([v]), [...first, ...withIds(second.lines, 2000)])
    expect(third.lines).toEqual([])
    expect(third.skipped.alreadyCharged).toBe(4)
  })

  it('is idempotent for any split of the payers into partial runs', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (firstTaken) => {
        const full = planBilling(run(1), payers, rules([v]), [])
        const partial = withIds(
          full.lines.filter((_, i) => firstTaken[i]),
          1000,
        )
        const rest = planBilling(run(2), payers, rules([v]), partial)
        const all = [...partial, ...withIds(rest.lines, 2000)]
        // each payer charged exactly once, the same amounts as one full run
        expect(all.map((l) => [l.payerId, l.amountTetri]).sort()).toEqual(
          full.lines.map((l) => [l.payerId, l.amountTetri]).sort(),
        )
        expect(new Set(all.map((l) => l.lineKey)).size).toBe(all.length)
      }),
    )
  })

  it('reversed as a whole nets to zero, and the period can be billed again under a new key', () => {
    const lines = withIds(planBilling(run(1), payers, rules([v]), []).lines, 1000)
    const drafted = runReversalLines(uid(101), lines, '2022-05-30')
    expect(drafted).toHaveLength(4)
    for (const r of drafted) expect(fullRowSchema('sanitationChargeLine').safeParse(r).success).toBe(true)
    const reversal = withIds(drafted, 3000)
    const after = [...lines, ...reversal]
    for (const s of standingsOf(after, '2022-05').values())
      expect(s).toMatchObject({ netTetri: 0, charged: false })
    // reversing again gives nothing
    expect(runReversalLines(uid(101), after, '2022-05-31')).toEqual([])
    // the lines of the run are untouched
    expect(lines.every((l) => l.kind === 'charge' && l.amountTetri > 0)).toBe(true)
    const rebill = planBilling(run(2), payers, rules([v]), after)
    expect(rebill.lines).toHaveLength(4)
    expect(rebill.lines[0]!.lineKey).toBe(`charge/${uid(10)}/2022-05/1`)
    expect(new Set([...after, ...rebill.lines].map((l) => l.lineKey)).size).toBe(after.length + 4)
  })

  it('reversal also cancels corrections made to the run', () => {
    const lines = withIds(planBilling(run(1), payers.slice(0, 1), rules([v]), []).lines, 1000)
    const correction = {
      ...lines[0]!,
      id: uid(1500),
      kind: 'correction' as const,
      amountTetri: 30,
      relatedLineId: lines[0]!.id,
      billingRunId: null,
      lineKey: `correction/${lines[0]!.id}/${uid(2)}`,
    }
    const reversal = runReversalLines(uid(101), [...lines, correction], '2022-06-01')
    expect(reversal.map((r) => [r.relatedLineId, r.amountTetri])).toEqual([
      [lines[0]!.id, -120],
      [uid(1500), -30],
    ])
  })
})

describe('the billing preview', () => {
  it('counts payers, totals and differences from the previous month, writing nothing', () => {
    const april = withIds(planBilling(run(1, '2022-04'), payers, rules([v]), []).lines, 1000)
    const fewer = payers.map((p) => (p.id === uid(10) ? { ...p, registeredMembers: 4 } : p))
    const moved = [...fewer.filter((p) => p.id !== uid(12)), household({ id: uid(14), registeredMembers: 1 })]
    const preview = billingPreview(
      { period: '2022-05', territorialUnitId: null, issuedOn: '2022-05-28' },
      moved,
      rules([v]),
      [],
      april,
    )
    expect(preview).toMatchObject({
      period: '2022-05',
      payerCount: 5,
      newLines: 4,
      newTetri: 160 + 160 + 2_000 + 40,
      chargedPayers: 4,
      totalTetri: 2_360,
      previous: { period: '2022-04', chargedPayers: 3, totalTetri: 120 + 160 + 2_000 },
      newlyCharged: 1,
      noLongerCharged: 0,
      changedAmount: 1,
    })
    expect(preview.largestChanges).toEqual([
      { payerId: uid(10), previousTetri: 120, currentTetri: 160 },
      { payerId: uid(14), previousTetri: 0, currentTetri: 40 },
    ])
  })

  it("'s total equals the sum of the lines the run then writes", () => {
    const preview = billingPreview(
      { period: '2022-05', territorialUnitId: UNIT_A, issuedOn: '2022-05-28' },
      payers,
      rules([v]),
      [],
      [],
    )
    const plan = planBilling(run(1, '2022-05', UNIT_A), payers, rules([v]), [])
    expect(preview.newTetri).toBe(plan.lines.reduce((s, l) => s + l.amountTetri, 0))
    expect(preview.newLines).toBe(plan.lines.length)
  })
})
