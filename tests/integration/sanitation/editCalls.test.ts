import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Result } from '../../../domain/errors'
import type {
  AmnestyOutcome,
  InspectionLine,
  TariffCorrections,
  TariffVersionView,
} from '../../../domain/sanitation/editSchemas'
import { isPaymentCode } from '../../../domain/sanitation/paymentCode'
import type { PayerAccountView, PayerListPage } from '../../../domain/sanitation/views'
import { sampleAct, sampleHousehold, sampleOrganisation } from '../../support/sanitationEditSamples'
import { expectOk, startTestBackend, type TestBackend } from '../../support/testBackend'

// Creating and changing sanitation records through the dispatch, on a small demo city billed March
// 2025 ... February 2026: every change is written with its outbox rows, bad input changes nothing.

const now = () => new Date('2026-03-15T08:00:00Z')
const household = sampleHousehold()
const organisation = sampleOrganisation()
const act = sampleAct

describe('creating and changing sanitation records', () => {
  let t: TestBackend
  let clerk: string
  let head: string
  let auditor: string
  const count = (table: string) =>
    t.backend.db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  const ok = async <T>(session: string, name: string, input: unknown) =>
    expectOk(await t.call(session, `sanitation.${name}`, input)) as T
  const account = (id: string) => ok<PayerAccountView>(clerk, 'payerAccount', { id })
  /** The call is refused with `code` (and `fields`, when given), and the store is byte for byte the same. */
  const refused = async (
    session: string,
    name: string,
    input: unknown,
    code: string,
    fields?: Record<string, string>,
  ) => {
    const before = t.snapshot()
    const result = (await t.call(session, `sanitation.${name}`, input)) as Result<unknown>
    expect(result).toMatchObject({ ok: false, error: { code, ...(fields ? { fields } : {}) } })
    expect(t.snapshot()).toBe(before)
  }

  beforeAll(async () => {
    t = await startTestBackend({ now, demoPayers: { households: 90, organisations: 10 } })
    clerk = await t.signIn('clerk')
    head = await t.signIn('head')
    auditor = await t.signIn('auditor')
  })
  afterAll(() => t.close())

  it('registers a household and an organisation with every field, each with its own valid payment code', async () => {
    const outbox = count('outbox')
    const h = await ok<{ id: string; paymentCode: string }>(clerk, 'createPayer', household)
    const o = await ok<{ id: string; paymentCode: string }>(clerk, 'createPayer', organisation)
    expect(count('outbox')).toBe(outbox + 2)
    expect([h.paymentCode[0], o.paymentCode[0]]).toEqual(['1', '2'])
    expect(isPaymentCode(h.paymentCode) && isPaymentCode(o.paymentCode)).toBe(true)

    const card = await account(h.id)
    expect(card.payer).toMatchObject({ ...household, paymentCode: h.paymentCode, status: 'active' })
    expect((await account(o.id)).payer).toMatchObject({ ...organisation, billingQuantity: 84.5 })
    expect(card.history[0]).toMatchObject({ op: 'insert', entity: 'sanitationPayer' })
    // The search index and the account list know the new payers at once.
    const found = await ok<PayerListPage>(clerk, 'listPayers', { search: 'ბერიძე მარიამ' })
    expect(found.rows.map((r) => r.id)).toContain(h.id)
    const byCode = await ok<PayerListPage>(clerk, 'listPayers', { search: organisation.companyCode })
    expect(byCode.rows.map((r) => r.id)).toEqual([o.id])
  })

  it('refuses a payer that is not sound, with the field and key, and writes nothing', async () => {
    await refused(clerk, 'createPayer', { ...household, companyCode: '402011223' }, 'VALIDATION', {
      companyCode: 'sanitation.payer.notForHousehold',
    })
    await refused(clerk, 'createPayer', { ...organisation, billingUnit: null }, 'VALIDATION', {
      billingUnit: 'validation.required',
    })
    await refused(clerk, 'createPayer', { ...household, name: 'სხვა' }, 'DUPLICATE', {
      personalNumber: 'sanitation.payerForm.personalNumberTaken',
    })
    await refused(clerk, 'createPayer', { ...organisation, activityCategory: 'casino' }, 'VALIDATION', {
      activityCategory: 'sanitation.payerForm.unknownCategory',
    })
    await refused(
      clerk,
      'createPayer',
      {
        ...household,
        personalNumber: '01019099999',
        territorialUnitId: '0190a3c0-0000-7000-8000-00000000ffff',
      },
      'VALIDATION',
      { territorialUnitId: 'sanitation.payerForm.unknownUnit' },
    )
    await refused(auditor, 'createPayer', { ...household, personalNumber: '01019099999' }, 'FORBIDDEN')
  })

  it('changes a payer’s fields against the version it was read at, checking the record whole', async () => {
    const { rows } = await ok<PayerListPage>(clerk, 'listPayers', { search: household.personalNumber })
    const id = rows[0]!.id
    const before = (await account(id)).payer
    await ok(clerk, 'updatePayer', {
      id,
      version: before.version,
      changes: { phone: '+995599000111', registeredMembers: 3 },
    })
    const after = (await account(id)).payer
    expect(after).toMatchObject({ phone: '+995599000111', registeredMembers: 3, name: household.name })
    expect((await account(id)).history[0]!.changes).toEqual(
      expect.arrayContaining([{ field: 'registeredMembers', from: 5, to: 3 }]),
    )
    await refused(
      clerk,
      'updatePayer',
      { id, version: before.version, changes: { notes: 'x' } },
      'STALE_VERSION',
    )
    await refused(
      clerk,
      'updatePayer',
      { id, version: after.version, changes: { status: 'closed' } },
      'VALIDATION',
      {
        closedOn: 'validation.required',
      },
    )
    await refused(
      clerk,
      'updatePayer',
      { id, version: after.version, changes: { billingQuantity: 10 } },
      'VALIDATION',
      { billingQuantity: 'sanitation.payer.notForHousehold' },
    )
    await refused(
      clerk,
      'updatePayer',
      { id, version: after.version, changes: { kind: 'organisation' } },
      'VALIDATION',
    )
  })

  it('adopts a retroactive tariff amendment as correction lines and never touches an issued charge', async () => {
    const versions = await ok<TariffVersionView[]>(clerk, 'tariffVersions', {})
    const current = versions[0]!
    const amendment = {
      resolutionNumber: '9',
      resolutionDate: '2026-02-20',
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      householdRateTetri: current.householdRateTetri + 10,
      memberCap: current.memberCap,
      amendsVersionId: current.id,
      note: '',
      bandRates: current.bandRates,
      activityRates: current.activityRates,
    }
    await refused(clerk, 'createTariffVersion', amendment, 'FORBIDDEN')
    await refused(head, 'createTariffVersion', { ...amendment, amendsVersionId: null }, 'VALIDATION', {
      amendsVersionId: 'sanitation.tariff.retroactiveNeedsAmended',
    })
    await refused(
      head,
      'createTariffVersion',
      { ...amendment, bandRates: [{ band: 'wealthy', rateTetri: 1 }] },
      'VALIDATION',
      { 'bandRates.0.band': 'sanitation.tariffs.unknownBand' },
    )

    const issued = () =>
      t.backend.db.$client
        .prepare(
          `SELECT id, amount_tetri, tariff_version_id, version FROM sanitation_charge_line
           WHERE kind = 'charge' AND period >= '2026-01' ORDER BY id`,
        )
        .all()
    const charges = issued()
    const preview = await ok<TariffCorrections>(head, 'previewTariffVersion', amendment)
    expect(preview.periods).toEqual(['2026-01', '2026-02'])
    expect(preview.lineCount).toBeGreaterThan(0)

    const created = await ok<TariffCorrections & { id: string }>(head, 'createTariffVersion', amendment)
    expect(created).toMatchObject({ ...preview, id: expect.any(String) })
    expect(issued()).toEqual(charges)
    const corrections = t.backend.db.$client
      .prepare(
        `SELECT c.amount_tetri AS amount, c.quantity_hundredths AS q, c.legal_basis AS basis, o.rate_code AS code
         FROM sanitation_charge_line c JOIN sanitation_charge_line o ON o.id = c.related_line_id
         WHERE c.kind = 'correction' AND c.tariff_version_id = ?`,
      )
      .all(created.id) as { amount: number; q: number; basis: string; code: string }[]
    expect(corrections).toHaveLength(created.lineCount)
    expect(corrections.reduce((s, c) => s + c.amount, 0)).toBe(created.totalTetri)
    // Full-rate households pay 10 tetri more per counted member: exactly what their lines correct.
    const fullRate = corrections.filter((c) => c.code === 'household')
    expect(fullRate.length).toBeGreaterThan(0)
    for (const c of fullRate) expect(c.amount).toBe(Math.round((10 * c.q) / 100))
    expect(corrections[0]!.basis).toContain('2026 წლის 20 თებერვლის №9')

    // The same resolution twice is refused; the list shows the new version first.
    await refused(head, 'createTariffVersion', amendment, 'DUPLICATE', {
      effectiveFrom: 'sanitation.tariffs.sameDays',
    })
    const after = await ok<TariffVersionView[]>(clerk, 'tariffVersions', {})
    expect(after[0]).toMatchObject({ id: created.id, resolutionNumber: '9', bandRates: current.bandRates })
  })

  it('records exemptions by payer and by category, each with its legal act, and ends one', async () => {
    const { rows } = await ok<PayerListPage>(clerk, 'listPayers', { search: household.personalNumber })
    const payerId = rows[0]!.id
    const own = await ok<{ id: string }>(clerk, 'createExemption', {
      target: 'payer',
      payerId,
      targetCode: null,
      reliefPercent: 50,
      fromPeriod: '2026-04',
      toPeriod: null,
      ...act,
      reason: 'მრავალშვილიანი ოჯახი',
    })
    const general = await ok<{ id: string }>(clerk, 'createExemption', {
      target: 'activityCategory',
      payerId: null,
      targetCode: 'education',
      reliefPercent: 100,
      fromPeriod: '2026-04',
      toPeriod: '2026-12',
      ...act,
      reason: 'კერძო სკოლების შეღავათი',
    })
    expect((await account(payerId)).exemptions.map((e) => e.id)).toEqual([own.id])
    const list = await ok<{ id: string }[]>(clerk, 'exemptions', {})
    expect(list.map((e) => e.id)).toEqual([general.id])
    const all = await ok<{ id: string; target: string }[]>(clerk, 'exemptions', { includePayers: true })
    expect(all.map((e) => e.id)).toEqual(expect.arrayContaining([own.id, general.id]))
    expect(all.filter((e) => e.target !== 'payer').map((e) => e.id)).toEqual([general.id])

    await refused(
      clerk,
      'createExemption',
      {
        target: 'activityCategory',
        payerId: null,
        targetCode: 'casino',
        reliefPercent: 10,
        fromPeriod: '2026-04',
        toPeriod: null,
        ...act,
        reason: 'x',
      },
      'VALIDATION',
      { targetCode: 'sanitation.exemptionForm.unknownCategory' },
    )
    await refused(
      clerk,
      'createExemption',
      {
        target: 'payer',
        payerId: null,
        targetCode: null,
        reliefPercent: 10,
        fromPeriod: '2026-04',
        toPeriod: null,
        ...act,
        reason: 'x',
      },
      'VALIDATION',
      { payerId: 'sanitation.exemption.target' },
    )
    const stored = (await account(payerId)).exemptions[0]!
    await refused(
      clerk,
      'endExemption',
      { id: own.id, version: stored.version, toPeriod: '2026-03' },
      'VALIDATION',
      {
        toPeriod: 'sanitation.period.endBeforeStart',
      },
    )
    await ok(clerk, 'endExemption', { id: own.id, version: stored.version, toPeriod: '2026-09' })
    expect((await account(payerId)).exemptions[0]).toMatchObject({ toPeriod: '2026-09' })
  })

  it('agrees an instalment plan for a debtor’s arrears, one at a time, and cancels it', async () => {
    const debtor = (await ok<PayerListPage>(clerk, 'listPayers', { sort: 'arrears', limit: 1 })).rows[0]!
    expect(debtor.balanceTetri).toBeGreaterThan(12)
    const plan = {
      payerId: debtor.id,
      totalTetri: debtor.balanceTetri,
      instalments: 6,
      firstDueOn: '2026-04-10',
      agreedOn: '2026-03-15',
      ...act,
      note: '',
    }
    await refused(
      clerk,
      'createInstalmentPlan',
      { ...plan, totalTetri: debtor.balanceTetri + 1 },
      'VALIDATION',
      {
        totalTetri: 'sanitation.planForm.moreThanDebt',
      },
    )
    const created = await ok<{ id: string; schedule: { amountTetri: number; dueOn: string }[] }>(
      clerk,
      'createInstalmentPlan',
      plan,
    )
    expect(created.schedule).toHaveLength(6)
    expect(created.schedule.reduce((s, i) => s + i.amountTetri, 0)).toBe(debtor.balanceTetri)
    expect(created.schedule.at(-1)!.dueOn).toBe('2026-09-10')
    await refused(clerk, 'createInstalmentPlan', plan, 'DUPLICATE', {
      payerId: 'sanitation.planForm.alreadyActive',
    })

    const stored = (await account(debtor.id)).plans.find((p) => p.id === created.id)!
    expect(stored).toMatchObject({ state: 'active', legalActNumber: '12' })
    await ok(clerk, 'cancelInstalmentPlan', {
      id: created.id,
      version: stored.version,
      reason: 'გადამხდელმა უარი თქვა',
    })
    const cancelled = (await account(debtor.id)).plans.find((p) => p.id === created.id)!
    expect(cancelled).toMatchObject({ state: 'cancelled', note: 'გადამხდელმა უარი თქვა' })
    await refused(
      clerk,
      'cancelInstalmentPlan',
      { id: created.id, version: cancelled.version, reason: 'x' },
      'VALIDATION',
      {
        id: 'sanitation.planForm.notActive',
      },
    )
  })

  it('grants a period amnesty: the covered charges are cancelled and what was paid for them stays as credit', async () => {
    const amnesty = {
      fromPeriod: '2025-04',
      toPeriod: '2025-05',
      coverage: 'households',
      ...act,
      legalActKind: 'resolution',
      reason: 'წყალდიდობის შემდეგ',
    }
    await refused(clerk, 'grantAmnesty', amnesty, 'FORBIDDEN')
    await refused(head, 'grantAmnesty', { ...amnesty, toPeriod: '2026-04' }, 'VALIDATION', {
      toPeriod: 'sanitation.amnestyForm.future',
    })
    const covered = t.backend.db.$client
      .prepare(
        `SELECT coalesce(sum(l.amount_tetri), 0) FROM sanitation_charge_line l
         JOIN sanitation_payer p ON p.id = l.payer_id
         WHERE p.kind = 'household' AND l.period BETWEEN '2025-04' AND '2025-05'`,
      )
      .pluck()
      .get() as number
    const balances = () =>
      new Map(
        (
          t.backend.db.$client
            .prepare('SELECT payer_id AS id, balance_tetri AS b FROM sanitation_payer_account')
            .all() as { id: string; b: number }[]
        ).map((r) => [r.id, r.b]),
      )
    const before = balances()
    const preview = await ok<AmnestyOutcome>(head, 'previewAmnesty', amnesty)
    expect(preview.forgivenTetri + preview.creditedTetri).toBe(covered)
    expect(preview.creditedTetri).toBeGreaterThan(0)

    const granted = await ok<AmnestyOutcome & { id: string }>(head, 'grantAmnesty', amnesty)
    expect(granted).toMatchObject(preview)
    const after = balances()
    const lowered = [...after].reduce((s, [id, b]) => s + (before.get(id)! - b), 0)
    expect(lowered).toBe(covered)
    // Balances fell by the whole of the covered charges, paid or not: what was paid is now credit.
    const lines = t.backend.db.$client
      .prepare(`SELECT count(*) FROM sanitation_charge_line WHERE kind = 'amnesty' AND amnesty_id = ?`)
      .pluck()
      .get(granted.id)
    expect(lines).toBe(granted.lineCount)
    // Granting the same again finds nothing left to forgive.
    expect(await ok<AmnestyOutcome>(head, 'previewAmnesty', amnesty)).toEqual({
      payerCount: 0,
      lineCount: 0,
      forgivenTetri: 0,
      creditedTetri: 0,
    })
    expect((await ok<{ id: string }[]>(clerk, 'amnesties', {})).map((a) => a.id)).toEqual([granted.id])
  })

  it('keeps an inspector’s visit as recorded; a head’s approval changes the payer, a rejection does not', async () => {
    const { rows } = await ok<PayerListPage>(clerk, 'listPayers', { search: household.personalNumber })
    const payerId = rows[0]!.id
    const org = (await ok<PayerListPage>(clerk, 'listPayers', { search: organisation.companyCode })).rows[0]!
      .id
    const visit = {
      payerId,
      visitedOn: '2026-03-14',
      inspector: 'ლაშა გელაშვილი',
      observedMembers: 6,
      observedQuantity: null,
      note: '',
    }
    await refused(
      clerk,
      'recordInspection',
      { ...visit, observedMembers: null, observedQuantity: 40 },
      'VALIDATION',
      {
        observedMembers: 'sanitation.inspectionForm.wrongObservation',
      },
    )
    await refused(clerk, 'recordInspection', { ...visit, visitedOn: '2026-03-16' }, 'VALIDATION', {
      visitedOn: 'sanitation.inspectionForm.future',
    })
    const outbox = count('outbox')
    const first = await ok<{ id: string }>(clerk, 'recordInspection', visit)
    const second = await ok<{ id: string }>(clerk, 'recordInspection', {
      ...visit,
      payerId: org,
      observedMembers: null,
      observedQuantity: 120.25,
    })
    expect(count('outbox')).toBe(outbox + 2)

    const pending = await ok<InspectionLine[]>(head, 'inspections', {})
    expect(pending.find((i) => i.id === first.id)).toMatchObject({
      approval: 'pending',
      payerName: household.name,
      change: { field: 'registeredMembers', from: 3, to: 6 },
    })
    expect(pending.find((i) => i.id === second.id)!.change).toEqual({
      field: 'billingQuantity',
      from: 84.5,
      to: 120.25,
    })
    expect((await account(payerId)).payer.registeredMembers).toBe(3)

    await refused(clerk, 'decideInspection', { inspectionId: first.id, approve: true }, 'FORBIDDEN')
    expect(await ok(head, 'decideInspection', { inspectionId: first.id, approve: true })).toEqual({
      id: first.id,
      change: { field: 'registeredMembers', from: 3, to: 6 },
    })
    expect((await account(payerId)).payer.registeredMembers).toBe(6)
    expect(await ok(head, 'decideInspection', { inspectionId: second.id, approve: false })).toEqual({
      id: second.id,
      change: null,
    })
    expect((await account(org)).payer.billingQuantity).toBe(84.5)
    await refused(head, 'decideInspection', { inspectionId: first.id, approve: false }, 'VALIDATION', {
      inspectionId: 'sanitation.inspections.alreadyDecided',
    })
    const decided = (await account(payerId)).inspections[0]!
    expect(decided).toMatchObject({ approval: 'approved', observedMembers: 6, decidedBy: expect.any(String) })
    expect(await ok<InspectionLine[]>(head, 'inspections', {})).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ id: first.id })]),
    )
  })
})
