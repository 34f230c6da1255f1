import { mulberry32, Random } from '../demoRandom'
import { addDays, isoDateInTbilisi } from '../georgian/dates'
import { companyName, personName } from '../property/demoNames'
import { chargeKey } from './ledger'
import { type ChargeRules, type Exemption, monthlyCharge, type PayerForBilling } from './monthlyCharge'
import { paymentCodeOf } from './paymentCode'
import { addPeriods, lastDayOf, periodOfDate } from './period'
import {
  type ActivityCategory,
  defaultActivityCategories,
  defaultSanitationSettings,
  defaultSocialBands,
} from './referenceData'
import { tariffRateKey } from './rows'
import { activityRateCode, type TariffVersion } from './tariff'
import type { BillingUnit } from './vocabulary'

// A realistic demo of Rustavi's sanitation fee registry: about 30 000 households and 3 000
// organisations over the territorial units, the tariff versions, a year of monthly billing runs and
// the payments that answered them (most pay, some late, some in lumps, some never), with a few
// exemptions, instalment plans and inspections. Charges come from the registry's own calculator,
// so the demo's accounts are exactly what billing would have produced. Pure: the content depends
// only on the seed and `today`; row ids come from the caller.

export interface DemoSanitationOptions {
  households: number
  organisations: number
  /** The demo's "today": the last twelve full months are billed. */
  today: Date
  seed?: number
  newId: () => string
}

export type DemoSanitationEntity =
  | 'sanitationTariffVersion'
  | 'sanitationTariffRate'
  | 'sanitationBillingRun'
  | 'sanitationPayer'
  | 'sanitationExemption'
  | 'sanitationChargeLine'
  | 'sanitationPayment'
  | 'sanitationInstalmentPlan'
  | 'sanitationInspection'

export interface DemoSanitationRow {
  entity: DemoSanitationEntity
  id: string
  subjectId: string
  values: Record<string, string | number | boolean | null>
}

const DEFAULT_SEED = 20_260_401
const BILLED_MONTHS = 12

// ---------------------------------------------------------------------------------------------
// The tariffs. Rustavi's household rate, 0.40 ₾ per person a month, is reported for 2022
// (research/domain.md 1.8); the resolution numbers and dates, the organisation rates and the band
// rate are defaults standing in for the resolution that could not be read.

/** Tetri per unit per month, by category (default). */
const activityRates: Record<string, number> = {
  retail: 30,
  market: 15,
  office: 12,
  services: 20,
  fuelStation: 25,
  catering: 150,
  entertainment: 100,
  hotel: 120,
  medical: 100,
  education: 8,
  industry: 1_500,
  construction: 1_200,
}

interface DemoTariff {
  version: TariffVersion
  note: string
}

function demoTariffs(ids: () => string, firstPeriod: string): DemoTariff[] {
  const v1: TariffVersion = {
    id: ids(),
    resolutionNumber: '114',
    resolutionDate: '2016-12-23',
    effectiveFrom: '2017-01-01',
    effectiveTo: null,
    householdRateTetri: 40,
    memberCap: 4,
    amendsVersionId: null,
    bandRates: new Map([['vulnerable', 20]]),
    activityRates: new Map(
      defaultActivityCategories.map((c) => [activityRateCode(c.code, c.unit), activityRates[c.code]!]),
    ),
  }
  // Halfway through the demo year, new organisation rates (default figures).
  const from = `${addPeriods(firstPeriod, 6)}-01`
  const v2: TariffVersion = {
    ...v1,
    id: ids(),
    resolutionNumber: '57',
    resolutionDate: addDays(from, -24),
    effectiveFrom: from,
    activityRates: new Map(
      defaultActivityCategories.map((c) => [
        activityRateCode(c.code, c.unit),
        Math.round((activityRates[c.code]! * 1.2) / 5) * 5,
      ]),
    ),
  }
  const note = 'საცდელი მონაცემი: განაკვეთები ნაგულისხმევია, არა რუსთავის საკრებულოს დადგენილებიდან'
  return [
    { version: v1, note },
    { version: v2, note },
  ]
}

// ---------------------------------------------------------------------------------------------
// Where people live: Rustavi's micro-districts and streets, by territorial unit.

const ROMAN = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
] as const
const streets = [
  'მეგობრობის გამზირი',
  'რუსთაველის ქუჩა',
  'კოსტავას ქუჩა',
  'ბათუმის ქუჩა',
  'ჭავჭავაძის ქუჩა',
  'ფალიაშვილის ქუჩა',
  'ნიკოლაძის ქუჩა',
  'გორგასლის ქუჩა',
  'დავით აღმაშენებლის ქუჩა',
  'წერეთლის ქუჩა',
  'თამარ მეფის ქუჩა',
  'ლერმონტოვის ქუჩა',
  'ქართლის ქუჩა',
  'კახეთის ქუჩა',
  'მშვიდობის ქუჩა',
  'შარტავას ქუჩა',
  'ერეკლე მეორის ქუჩა',
  'გოგებაშვილის ქუჩა',
  'ბარათაშვილის ქუჩა',
  'წმინდა ნინოს ქუჩა',
] as const

interface Address {
  street: string
  building: string
  apartment: string
  postalCode: string
}

function homeAddress(r: Random, unitIndex: number): Address {
  // Most of Rustavi lives in the Soviet-era micro-districts, in numbered blocks of flats.
  if (r.chance(0.75)) {
    return {
      street: `${ROMAN[(unitIndex + r.int(0, 1) * 10) % ROMAN.length]} მიკრორაიონი`,
      building: `${r.int(1, 60)}`,
      apartment: `${r.int(1, 120)}`,
      postalCode: `37${String(unitIndex + r.int(0, 9)).padStart(2, '0')}`,
    }
  }
  return {
    street: streets[(unitIndex * 2 + r.int(0, 3)) % streets.length]!,
    building: `${r.int(1, 140)}${r.chance(0.1) ? 'ა' : ''}`,
    apartment: r.chance(0.4) ? `${r.int(1, 40)}` : '',
    postalCode: `37${String(unitIndex + r.int(0, 9)).padStart(2, '0')}`,
  }
}

// ---------------------------------------------------------------------------------------------
// How payers pay. Rustavi reports that most residents do not actually pay (research 1.8); the demo
// is set around three quarters of the billed amount collected, with a tail of chronic debtors.

type Habit = 'punctual' | 'bundled' | 'late' | 'partial' | 'rare' | 'never'

const householdHabits: readonly (readonly [Habit, number])[] = [
  ['punctual', 46],
  ['bundled', 20],
  ['late', 12],
  ['partial', 6],
  ['rare', 7],
  ['never', 9],
]
const organisationHabits: readonly (readonly [Habit, number])[] = [
  ['punctual', 58],
  ['bundled', 16],
  ['late', 12],
  ['partial', 4],
  ['rare', 5],
  ['never', 5],
]

const quantityRange: Record<BillingUnit, readonly [number, number]> = {
  sqm: [12, 1_800],
  cbm: [1, 60],
  seat: [8, 220],
  bed: [4, 160],
}

const categoryWeights = (c: ActivityCategory): number =>
  ({ retail: 30, services: 18, office: 16, catering: 12, market: 3, fuelStation: 3, hotel: 3, medical: 3 })[
    c.code
  ] ?? 2

const householdReliefs = [
  { reason: 'მრავალშვილიანი ოჯახი', percent: 50 },
  { reason: 'შეზღუდული შესაძლებლობის მქონე პირი', percent: 100 },
  { reason: 'ომის ვეტერანი', percent: 100 },
  { reason: 'დევნილი ოჯახი', percent: 50 },
] as const

interface DemoPayer extends PayerForBilling {
  row: Record<string, string | number | boolean | null>
  habit: Habit
  exemptions: Exemption[]
  reliefReason: string
}

/** The registry as groups of rows: first the tariffs and the billing runs, then one group per payer. */
export function* demoSanitationRows(
  territorialUnitIds: readonly string[],
  options: DemoSanitationOptions,
): Generator<DemoSanitationRow[]> {
  const newId = options.newId
  const r = new Random(mulberry32(options.seed ?? DEFAULT_SEED))
  const today = isoDateInTbilisi(options.today.getTime())
  const lastPeriod = addPeriods(periodOfDate(today), -1)
  const firstPeriod = addPeriods(lastPeriod, 1 - BILLED_MONTHS)
  const periods = Array.from({ length: BILLED_MONTHS }, (_, i) => addPeriods(firstPeriod, i))
  const settings = defaultSanitationSettings
  const tariffs = demoTariffs(newId, firstPeriod)
  const versions = tariffs.map((t) => t.version)
  const rules: ChargeRules = { versions, bands: defaultSocialBands, exemptions: [], settings }
  const units = territorialUnitIds.length

  // Payers first (billing runs must precede their lines, and their totals need every charge).
  const payers: DemoPayer[] = []
  const usedIds = new Set<string>()
  const uniqueDigits = (make: () => string) => {
    for (;;) {
      const id = make()
      if (!usedIds.has(id)) {
        usedIds.add(id)
        return id
      }
    }
  }
  const names = Array.from({ length: 6_000 }, () => personName(r))
  for (let i = 0; i < options.households; i++) {
    const unitIndex = r.int(0, units - 1)
    const address = homeAddress(r, unitIndex)
    const members = r.weighted([
      [1, 15],
      [2, 22],
      [3, 22],
      [4, 20],
      [5, 12],
      [6, 6],
      [7, 3],
    ] as const)
    const scored = r.chance(0.2)
    const socialScore = scored
      ? r.weighted([
          [r.int(0, 57_000), 45],
          [r.int(57_001, 100_000), 30],
          [r.int(100_001, 250_000), 25],
        ] as const)
      : null
    const startsLate = r.chance(0.03)
    const billedFrom = startsLate
      ? addPeriods(firstPeriod, r.int(1, BILLED_MONTHS - 1))
      : r.pick(['2017-01', '2018-03', '2019-06', '2021-01'])
    const closes = r.chance(0.012)
    const closedOn = closes ? closingDay(r, firstPeriod, billedFrom) : null
    const status = closes ? 'closed' : r.chance(0.03) ? 'vacant' : 'active'
    const id = newId()
    const exemptions: Exemption[] = []
    let reliefReason = ''
    if (status !== 'closed' && r.chance(0.012)) {
      const relief = r.pick(householdReliefs)
      const fromPeriod = r.chance(0.7) ? '2021-01' : addPeriods(firstPeriod, r.int(1, 8))
      reliefReason = relief.reason
      exemptions.push({
        id: newId(),
        target: 'payer',
        payerId: id,
        targetCode: null,
        reliefPercent: relief.percent,
        fromPeriod,
        toPeriod: null,
        // the Mayor's order granting it, dated in the month the relief starts
        legalActNumber: String(r.int(20, 480)),
        legalActDate: `${fromPeriod}-${String(r.int(1, 20)).padStart(2, '0')}`,
        legalActKind: 'order',
      })
    }
    const payer: DemoPayer = {
      id,
      kind: 'household',
      status,
      territorialUnitId: territorialUnitIds[unitIndex]!,
      registeredMembers: members,
      socialScore,
      activityCategory: null,
      billingUnit: null,
      billingQuantity: null,
      billedFrom,
      closedOn,
      habit: r.weighted(householdHabits),
      exemptions,
      reliefReason,
      row: {},
    }
    payer.row = {
      kind: 'household',
      status,
      paymentCode: paymentCodeOf('household', i + 1),
      name: r.pick(names),
      personalNumber: uniqueDigits(() => `${r.pick(['01', '35', '36', '37', '12', '61'])}${r.digits(9)}`),
      companyCode: null,
      territorialUnitId: payer.territorialUnitId,
      street: address.street,
      building: address.building,
      apartment: address.apartment,
      postalCode: address.postalCode,
      phone: r.chance(0.6) ? `+9955${r.pick(['5', '7', '9', '6', '1'])}${r.digits(7)}` : null,
      registeredMembers: members,
      socialScore,
      activityCategory: null,
      billingUnit: null,
      billingQuantity: null,
      billedFrom,
      closedOn,
      notes: '',
    }
    payers.push(payer)
  }
  const companies = Array.from({ length: 2_500 }, () => companyName(r))
  const categories = defaultActivityCategories.map((c) => [c, categoryWeights(c)] as const)
  for (let i = 0; i < options.organisations; i++) {
    const unitIndex = r.int(0, units - 1)
    const category = r.weighted(categories)
    const [low, high] = quantityRange[category.unit]
    const raw = r.logUniform(low, high)
    const quantity = category.unit === 'sqm' && r.chance(0.4) ? Math.round(raw * 100) / 100 : Math.round(raw)
    const billedFrom = r.chance(0.06)
      ? addPeriods(firstPeriod, r.int(1, BILLED_MONTHS - 1))
      : r.pick(['2017-01', '2019-01', '2020-07', '2022-02'])
    const closes = r.chance(0.03)
    const closedOn = closes ? closingDay(r, firstPeriod, billedFrom) : null
    const id = newId()
    const payer: DemoPayer = {
      id,
      kind: 'organisation',
      status: closes ? 'closed' : 'active',
      territorialUnitId: territorialUnitIds[unitIndex]!,
      registeredMembers: null,
      socialScore: null,
      activityCategory: category.code,
      billingUnit: category.unit,
      billingQuantity: quantity,
      billedFrom,
      closedOn,
      habit: r.weighted(organisationHabits),
      exemptions: [],
      reliefReason: '',
      row: {},
    }
    const street = streets[(unitIndex * 2 + r.int(0, 5)) % streets.length]!
    payer.row = {
      kind: 'organisation',
      status: payer.status,
      paymentCode: paymentCodeOf('organisation', i + 1),
      name: r.pick(companies),
      personalNumber: null,
      companyCode: uniqueDigits(() => `${r.pick(['2', '4'])}${r.digits(8)}`),
      territorialUnitId: payer.territorialUnitId,
      street,
      building: `${r.int(1, 140)}`,
      apartment: '',
      postalCode: `37${String(unitIndex + r.int(0, 9)).padStart(2, '0')}`,
      phone: r.chance(0.85) ? `+9955${r.pick(['5', '7', '9', '9', '1'])}${r.digits(7)}` : null,
      registeredMembers: null,
      socialScore: null,
      activityCategory: category.code,
      billingUnit: category.unit,
      billingQuantity: quantity,
      billedFrom,
      closedOn,
      notes: '',
    }
    payers.push(payer)
  }

  // Every charge of the year, and the runs' totals.
  const runs = periods.map((period) => ({ id: newId(), period, payerCount: 0, lineCount: 0, totalTetri: 0 }))
  const charges = payers.map((payer) =>
    periods.map((period, m) => {
      const c = monthlyCharge(
        payer,
        period,
        payer.exemptions.length ? { ...rules, exemptions: payer.exemptions } : rules,
      )
      const run = runs[m]!
      run.payerCount++
      if (c.kind !== 'charge') return null
      run.lineCount++
      run.totalTetri += c.amountTetri
      return c
    }),
  )

  const head = [
    ...tariffs.flatMap(({ version, note }) => tariffRows(version, note, newId)),
    ...runs.map((run): DemoSanitationRow => {
      const runDay = lastDayOf(run.period)
      return {
        entity: 'sanitationBillingRun',
        id: run.id,
        subjectId: run.id,
        values: {
          period: run.period,
          territorialUnitId: null,
          state: 'completed',
          payerCount: run.payerCount,
          lineCount: run.lineCount,
          totalTetri: run.totalTetri,
          startedBy: 'მუნიციპალური ინსპექციის უფროსი',
          startedAt: `${runDay}T08:00:00.000Z`,
          finishedAt: `${runDay}T08:03:00.000Z`,
          reversedBy: '',
          reversedAt: null,
          reversalReason: '',
        },
      }
    }),
  ]
  yield head

  let receiptNo = 0
  let bankNo = 4_180_000
  for (let p = 0; p < payers.length; p++) {
    const payer = payers[p]!
    const group: DemoSanitationRow[] = [
      { entity: 'sanitationPayer', id: payer.id, subjectId: payer.id, values: payer.row },
    ]
    for (const e of payer.exemptions) {
      const { id, ...values } = e
      group.push({
        entity: 'sanitationExemption',
        id,
        subjectId: payer.id,
        values: { ...values, reason: payer.reliefReason },
      })
    }
    const owed: { period: string; amount: number }[] = []
    for (let m = 0; m < BILLED_MONTHS; m++) {
      const c = charges[p]![m]
      if (!c) continue
      const period = periods[m]!
      const { kind: _kind, ...basis } = c
      group.push({
        entity: 'sanitationChargeLine',
        id: newId(),
        subjectId: payer.id,
        values: {
          payerId: payer.id,
          period,
          kind: 'charge',
          ...basis,
          amnestyId: null,
          billingRunId: runs[m]!.id,
          relatedLineId: null,
          issuedOn: lastDayOf(period),
          lineKey: chargeKey(payer.id, period, 0),
        },
      })
      owed.push({ period, amount: c.amountTetri })
    }

    // Payments: the habit decides when and how much of what is owed gets paid.
    const organisation = payer.kind === 'organisation'
    const pay = (amount: number, day: string) => {
      if (amount <= 0 || day > today) return
      const counter = r.chance(organisation ? 0.12 : 0.35)
      group.push({
        entity: 'sanitationPayment',
        id: newId(),
        subjectId: payer.id,
        values: {
          payerId: payer.id,
          channel: counter ? 'counter' : 'bank',
          amountTetri: amount,
          paidOn: day,
          receiptNumber: counter ? `ქვ-${day.slice(0, 4)}/${String(++receiptNo).padStart(6, '0')}` : null,
          bankReference: counter ? null : `tbcCsv/ref/TBC${++bankNo}`,
          bankImportLineId: null,
          note: '',
        },
      })
    }
    let carried = 0
    owed.forEach(({ period, amount }, k) => {
      const due = lastDayOf(period)
      switch (payer.habit) {
        case 'punctual':
          if (r.chance(0.94)) pay(amount, addDays(due, r.int(1, 20)))
          break
        case 'bundled': {
          carried += amount
          if (r.chance(0.3) || k === owed.length - 1) {
            pay(carried, addDays(due, r.int(3, 25)))
            carried = 0
          }
          break
        }
        case 'late':
          if (r.chance(0.8)) pay(amount, addDays(due, r.int(35, 150)))
          break
        case 'partial':
          if (r.chance(0.85)) pay(Math.round((amount * r.int(40, 80)) / 100), addDays(due, r.int(5, 40)))
          break
        case 'rare':
          carried += amount
          if (r.chance(0.1)) {
            pay(carried, addDays(due, r.int(10, 60)))
            carried = 0
          }
          break
        case 'never':
          break
      }
    })

    // A few chronic debtors agreed an instalment plan for their arrears.
    if ((payer.habit === 'never' || payer.habit === 'rare') && owed.length >= 9 && r.chance(0.08)) {
      const debt = owed.slice(0, 6).reduce((s, o) => s + o.amount, 0)
      const agreedOn = addDays(today, -r.int(30, 100))
      group.push({
        entity: 'sanitationInstalmentPlan',
        id: newId(),
        subjectId: payer.id,
        values: {
          payerId: payer.id,
          totalTetri: debt,
          instalments: r.pick([6, 12]),
          firstDueOn: addDays(agreedOn, 30),
          state: 'active',
          legalActNumber: `${r.int(1, 900)}`,
          legalActDate: agreedOn,
          legalActKind: 'order',
          agreedOn,
          note: '',
        },
      })
    }

    // Inspectors visited a few payers; most findings are approved, some wait.
    if (r.chance(0.02)) {
      const visitedOn = addDays(today, -r.int(3, 300))
      const pending = r.chance(0.35)
      const decidedAt = pending ? null : `${addDays(visitedOn, r.int(1, 10))}T09:30:00.000Z`
      group.push({
        entity: 'sanitationInspection',
        id: newId(),
        subjectId: payer.id,
        values: {
          payerId: payer.id,
          visitedOn,
          inspector: r.pick(['გიორგი კაპანაძე', 'ნათია მაისურაძე', 'ლევან ღლონტი', 'თამარ ხუციშვილი']),
          observedMembers: organisation ? null : Math.max(1, (payer.registeredMembers ?? 1) + r.int(-1, 2)),
          observedQuantity: organisation
            ? Math.round((payer.billingQuantity ?? 1) * r.int(90, 130)) / 100
            : null,
          note: '',
          approval: pending ? 'pending' : 'approved',
          decidedBy: pending ? '' : 'მუნიციპალური ინსპექციის უფროსი',
          decidedAt,
        },
      })
    }
    yield group
  }
}

function tariffRows(version: TariffVersion, note: string, newId: () => string): DemoSanitationRow[] {
  const { id, bandRates, activityRates: rates, ...values } = version
  const rows: DemoSanitationRow[] = [
    {
      entity: 'sanitationTariffVersion',
      id,
      subjectId: id,
      values: { ...values, note, correctionsState: 'issued', correctionCount: 0, correctionTetri: 0 },
    },
  ]
  const rate = (
    rateKind: 'socialBand' | 'activity',
    code: string,
    unit: BillingUnit | null,
    rateTetri: number,
  ) =>
    rows.push({
      entity: 'sanitationTariffRate',
      id: newId(),
      subjectId: id,
      values: {
        tariffVersionId: id,
        rateKind,
        code,
        unit,
        rateTetri,
        rateKey: tariffRateKey({ tariffVersionId: id, rateKind, code, unit }),
      },
    })
  for (const [band, rateTetri] of bandRates) rate('socialBand', band, null, rateTetri)
  for (const [rateCode, rateTetri] of rates) {
    const [, code, unit] = rateCode.split(':') as [string, string, BillingUnit]
    rate('activity', code, unit, rateTetri)
  }
  return rows
}

/** A day in the billed year when an account closed, never in a month before its billing started. */
function closingDay(r: Random, firstPeriod: string, billedFrom: string): string {
  const period = addPeriods(firstPeriod, r.int(2, BILLED_MONTHS - 1))
  return `${period < billedFrom ? billedFrom : period}-${String(r.int(1, 28)).padStart(2, '0')}`
}
