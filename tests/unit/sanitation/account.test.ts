import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bucketOf, payerAccount } from '../../../domain/sanitation/account'
import { amnestyLines } from '../../../domain/sanitation/amnesty'
import { instalmentSchedule, planStanding } from '../../../domain/sanitation/instalmentPlan'
import { fullRowSchema } from '../../../domain/sync/entities'
import { line, uid, withIds } from './fixtures'

const P = uid(10)
const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']
const charges = months.map((period, i) => line({ id: uid(100 + i), payerId: P, period, amountTetri: 120 }))
const pay = (n: number, amountTetri: number, paidOn: string) => ({ id: uid(200 + n), amountTetri, paidOn })

describe("a payer's account", () => {
  it('settles payments against the oldest open period first', () => {
    const account = payerAccount(charges, [pay(1, 300, '2024-06-10')], '2024-06-30', 0)
    expect(account.periods.map((p) => [p.period, p.settledTetri, p.openTetri])).toEqual([
      ['2024-01', 120, 0],
      ['2024-02', 120, 0],
      ['2024-03', 60, 60],
      ['2024-04', 0, 120],
      ['2024-05', 0, 120],
      ['2024-06', 0, 120],
    ])
    expect(account).toMatchObject({ chargedTetri: 720, paidTetri: 300, balanceTetri: 420, creditTetri: 0 })
    // June falls due on its last day: not yet overdue on the 30th
    expect(account.notDueTetri).toBe(120)
    expect(account.arrearsTetri).toBe(300)
  })

  it('splits arrears by age: 1-30, 31-90, 91-180, 181-365 and over 365 days', () => {
    expect([0, 1, 30, 31, 90, 91, 180, 181, 365, 366].map(bucketOf)).toEqual([
      'd0to30',
      'd0to30',
      'd0to30',
      'd31to90',
      'd31to90',
      'd91to180',
      'd91to180',
      'd181to365',
      'd181to365',
      'over365',
    ])
    const old = [
      line({ id: uid(150), payerId: P, period: '2022-12', amountTetri: 500 }),
      line({ id: uid(151), payerId: P, period: '2023-10', amountTetri: 70 }),
      ...charges,
    ]
    const account = payerAccount(old, [], '2024-06-30', 0)
    // days past each month's last day on 30.06.2024: Dec 2022 547, Oct 2023 243, Jan 151, Feb 122,
    // Mar 91, Apr 61, May 30, Jun 0 (not yet overdue)
    expect(account.ageing).toEqual({ d0to30: 120, d31to90: 120, d91to180: 360, d181to365: 70, over365: 500 })
    expect(account.notDueTetri).toBe(120)
  })

  it('counts a grace period before a period is overdue', () => {
    const account = payerAccount(charges.slice(0, 1), [], '2024-02-10', 15)
    expect(account.periods[0]).toMatchObject({ dueOn: '2024-02-15', daysOverdue: -5 })
    expect(account.arrearsTetri).toBe(0)
  })

  it('keeps an overpayment as credit, and a period netting below zero counts as a credit', () => {
    const over = payerAccount(charges.slice(0, 2), [pay(1, 300, '2024-01-05')], '2024-03-01', 0)
    expect(over).toMatchObject({ balanceTetri: -60, creditTetri: 60, arrearsTetri: 0 })
    const overCorrected = [
      ...charges.slice(0, 2),
      line({
        id: uid(160),
        payerId: P,
        period: '2024-01',
        kind: 'correction',
        amountTetri: -150,
        relatedLineId: uid(100),
      }),
    ]
    const account = payerAccount(overCorrected, [], '2024-03-01', 0)
    expect(account.periods.map((p) => [p.period, p.chargedTetri, p.openTetri])).toEqual([
      ['2024-01', -30, 0],
      ['2024-02', 120, 90],
    ])
  })

  it('ignores lines and payments after the day asked for', () => {
    const account = payerAccount(charges, [pay(1, 120, '2024-07-02')], '2024-03-31', 0)
    expect(account).toMatchObject({ chargedTetri: 360, paidTetri: 0 })
  })

  it('always adds up: settled + open per period, arrears + not due - credit = balance', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -200, max: 2_000 })), {
          maxLength: 12,
        }),
        fc.array(fc.integer({ min: 1, max: 3_000 }), { maxLength: 6 }),
        (lineSpecs, amounts) => {
          const lines = lineSpecs.map(([m, amount], i) =>
            line({
              id: uid(300 + i),
              payerId: P,
              period: months[m]!,
              amountTetri: amount,
              kind: amount < 0 ? 'correction' : 'charge',
            }),
          )
          const payments = amounts.map((a, i) => pay(i, a, '2024-06-01'))
          const a = payerAccount(lines, payments, '2024-12-31', 0)
          expect(a.arrearsTetri + a.notDueTetri - a.creditTetri).toBe(a.balanceTetri)
          expect(Object.values(a.ageing).reduce((s, v) => s + v, 0)).toBe(a.arrearsTetri)
          for (const p of a.periods) expect(p.settledTetri + p.openTetri).toBe(Math.max(0, p.chargedTetri))
        },
      ),
    )
  })
})

describe('an instalment plan', () => {
  it('spreads a debt over months in whole tetri that add up exactly', () => {
    expect(instalmentSchedule(1_000, 3, '2024-01-31')).toEqual([
      { number: 1, dueOn: '2024-01-31', amountTetri: 333 },
      { number: 2, dueOn: '2024-02-29', amountTetri: 333 },
      { number: 3, dueOn: '2024-03-31', amountTetri: 334 },
    ])
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 1, max: 36 }), (total, n) => {
        const s = instalmentSchedule(total, n, '2024-01-15')
        expect(s.reduce((sum, i) => sum + i.amountTetri, 0)).toBe(total)
        const amounts = s.map((i) => i.amountTetri)
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1)
      }),
    )
    expect(() => instalmentSchedule(0, 3, '2024-01-01')).toThrow(RangeError)
  })

  it('knows what was missed and when it breaks', () => {
    const schedule = instalmentSchedule(1_200, 12, '2024-01-10')
    expect(planStanding(schedule, 300, '2024-03-10')).toMatchObject({
      dueTetri: 300,
      missedInstalments: 0,
      defaulted: false,
    })
    const behind = planStanding(schedule, 100, '2024-04-10')
    expect(behind).toMatchObject({ dueTetri: 400, missedInstalments: 3, defaulted: true, completed: false })
    expect(behind.next?.number).toBe(5)
    expect(planStanding(schedule, 1_200, '2024-04-10')).toMatchObject({ completed: true, next: null })
  })
})

describe('a period amnesty', () => {
  const amnesty = {
    id: uid(900),
    fromPeriod: '2024-03',
    toPeriod: '2024-05',
    coverage: 'households' as const,
    legalActNumber: '31',
    legalActDate: '2024-06-20',
    legalActKind: 'resolution' as const,
  }
  const options = {
    issuedOn: '2024-06-25',
    graceDays: 0,
    sakrebuloGenitive: 'რუსთავის მუნიციპალიტეტის საკრებულოს',
  }

  it('cancels the covered months and credits what was already paid for them', () => {
    // paid 300: January, February, half of March
    const result = amnestyLines(
      amnesty,
      { id: P, kind: 'household' },
      charges,
      [pay(1, 300, '2024-04-01')],
      options,
    )
    expect(result.lines.map((l) => [l.period, l.amountTetri])).toEqual([
      ['2024-03', -120],
      ['2024-04', -120],
      ['2024-05', -120],
    ])
    expect(result).toMatchObject({ creditedTetri: 60, forgivenTetri: 300 })
    expect(result.lines[0]!.legalBasis).toBe(
      'რუსთავის მუნიციპალიტეტის საკრებულოს 2024 წლის 20 ივნისის №31 დადგენილება',
    )
    for (const l of result.lines)
      expect(fullRowSchema('sanitationChargeLine').safeParse(l).success).toBe(true)

    const after = payerAccount(
      [...charges, ...withIds(result.lines, 950)],
      [pay(1, 300, '2024-04-01')],
      '2024-06-30',
      0,
    )
    // the 60 paid for March now settles June
    expect(after.periods.find((p) => p.period === '2024-06')).toMatchObject({
      settledTetri: 60,
      openTetri: 60,
    })
    expect(after.balanceTetri).toBe(720 - 360 - 300)
  })

  it('is applied once, and only to the payers it covers', () => {
    const first = withIds(
      amnestyLines(amnesty, { id: P, kind: 'household' }, charges, [], options).lines,
      950,
    )
    expect(
      amnestyLines(amnesty, { id: P, kind: 'household' }, [...charges, ...first], [], options).lines,
    ).toEqual([])
    expect(amnestyLines(amnesty, { id: P, kind: 'organisation' }, charges, [], options).lines).toEqual([])
  })
})
