import { describe, expect, it } from 'vitest'
import { planBilling } from '../../../domain/sanitation/billing'
import { standingsOf } from '../../../domain/sanitation/ledger'
import { runReversalLines } from '../../../domain/sanitation/runReversal'
import { amendmentCorrections } from '../../../domain/sanitation/tariffAmendment'
import { fullRowSchema } from '../../../domain/sync/entities'
import { household, organisation, rules, uid, version, withIds } from './fixtures'

const v2025 = version({ id: uid(2), resolutionDate: '2024-12-20', effectiveFrom: '2025-01-01' })
const payers = [
  household({ id: uid(10), registeredMembers: 6 }),
  household({ id: uid(11), registeredMembers: 2, socialScore: 10_000 }),
  organisation({ id: uid(20), billingQuantity: 12.35 }),
]
const options = {
  sakrebuloGenitive: 'რუსთავის მუნიციპალიტეტის საკრებულოს',
  issuedOn: '2025-04-15',
  billingRunId: null,
}

function billMonths(periods: string[]) {
  return periods.flatMap((period, i) =>
    withIds(
      planBilling(
        { period, territorialUnitId: null, billingRunId: uid(100 + i), issuedOn: `${period}-28` },
        payers,
        rules([v2025]),
        [],
      ).lines,
      1000 + i * 10,
    ),
  )
}

describe('a retroactive tariff amendment', () => {
  const amendment = version({
    id: uid(3),
    resolutionNumber: '77',
    resolutionDate: '2025-04-10',
    effectiveFrom: '2025-02-01',
    amendsVersionId: uid(2),
    householdRateTetri: 50,
    memberCap: 5,
    bandRates: new Map([['vulnerable', 15]]),
    activityRates: new Map([['activity:retail:sqm', 30]]),
  })
  const issued = billMonths(['2025-01', '2025-02', '2025-03'])
  const versions = [v2025, amendment]

  it('adds one correction per charge it governs and never touches the issued charges', () => {
    const before = structuredClone(issued)
    const { lines, withoutRate } = amendmentCorrections(amendment, versions, issued, options)
    expect(issued).toEqual(before)
    expect(withoutRate).toEqual([])
    // January stays under the 2025 version; February and March are corrected
    expect(lines.map((l) => [l.period, l.payerId, l.amountTetri])).toEqual([
      ['2025-02', uid(10), 250 - 160], // 5 of 6 members at 50 (cap raised to 5), was 4 at 40
      ['2025-02', uid(11), 30 - 40], // band 15 x 2, was 20 x 2
      ['2025-02', uid(20), 371 - 309], // 30 x 12.35 = 370.5 -> 371; was 308.75 -> 309
      ['2025-03', uid(10), 90],
      ['2025-03', uid(11), -10],
      ['2025-03', uid(20), 62],
    ])
    for (const l of lines) {
      expect(l.kind).toBe('correction')
      expect(l.tariffVersionId).toBe(uid(3))
      expect(l.legalBasis).toBe('რუსთავის მუნიციპალიტეტის საკრებულოს 2025 წლის 10 აპრილის №77 დადგენილება')
      expect(fullRowSchema('sanitationChargeLine').safeParse(l).success).toBe(true)
    }
  })

  it('applied twice gives no more lines; each period then nets to what the amendment makes it', () => {
    const first = withIds(amendmentCorrections(amendment, versions, issued, options).lines, 5000)
    const all = [...issued, ...first]
    expect(amendmentCorrections(amendment, versions, all, options).lines).toEqual([])
    const march = standingsOf(all, '2025-03')
    expect(march.get(uid(10))?.netTetri).toBe(250)
    expect(march.get(uid(11))?.netTetri).toBe(30)
    expect(march.get(uid(20))?.netTetri).toBe(371)
  })

  it('a second amendment corrects from what the first made, not from the original charge', () => {
    const first = withIds(amendmentCorrections(amendment, versions, issued, options).lines, 5000)
    const second = version({
      ...amendment,
      id: uid(4),
      resolutionNumber: '80',
      resolutionDate: '2025-05-02',
      householdRateTetri: 45,
    })
    const more = amendmentCorrections(second, [...versions, second], [...issued, ...first], {
      ...options,
      issuedOn: '2025-05-05',
    })
    const feb = more.lines.filter((l) => l.period === '2025-02' && l.payerId === uid(10))
    expect(feb.map((l) => l.amountTetri)).toEqual([225 - 250])
  })

  it('leaves reversed charges alone and reports charges it has no rate for', () => {
    const reversal = withIds(runReversalLines(uid(101), issued, '2025-03-30'), 7000) // February's run
    const noRetail = version({ ...amendment, activityRates: new Map() })
    const { lines, withoutRate } = amendmentCorrections(
      noRetail,
      [v2025, noRetail],
      [...issued, ...reversal],
      options,
    )
    expect(lines.every((l) => l.period === '2025-03')).toBe(true)
    expect(withoutRate).toHaveLength(1)
  })
})
