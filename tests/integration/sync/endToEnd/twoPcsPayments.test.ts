import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isoDateInTbilisi } from '../../../../domain/georgian/dates'
import type { TariffCorrections, TariffVersionView } from '../../../../domain/sanitation/editSchemas'
import { addPeriods, periodOfDate } from '../../../../domain/sanitation/period'
import type { PayerAccountView, PayerListPage } from '../../../../domain/sanitation/views'
import { startNetworkSwitch } from '../../../support/networkSwitch'
import { type ServerProcess, startServerProcess } from '../../../support/serverInstance'
import { startSyncedPc } from '../../../support/syncedPc'
import { offline, online } from './e2eSamples'
import type { OnlinePc } from './e2eServer'

// Two office PCs take counter payments from the same payer while both are offline, against the
// demo central server started as its own process (`server/main.ts --demo`, a small sanitation
// registry with a year of charges and payments). After sync both PCs hold the same payments, the
// same balance and the same arrears, and every receipt number is different. Then the records the
// edit calls make (an inspection, its approval, a retroactive tariff with its correction lines)
// pass the server's checks and reach the other PC.

let server: ServerProcess
let dataDir: string
const pcs: OnlinePc[] = []
let a: OnlinePc
let b: OnlinePc

async function startPc(code: string): Promise<OnlinePc> {
  const network = await startNetworkSwitch(server.url)
  const pc = Object.assign(await startSyncedPc({ serverUrl: network.url, enrolCode: code }), { network })
  pcs.push(pc)
  return pc
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rustavi-payments-server-'))
  server = await startServerProcess({
    dataDir,
    demo: true,
    extraArgs: ['--demo-objects', '0', '--demo-payers', '40'],
  })
}, 90_000)
afterAll(async () => {
  for (const pc of pcs) {
    await pc.close()
    await pc.network.close()
  }
  if (server) {
    server.kill()
    await server.exited
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const account = (pc: OnlinePc, id: string) => pc.ok<PayerAccountView>('sanitation.payerAccount', { id })
const pay = (pc: OnlinePc, payerId: string, amountTetri: number) =>
  pc.ok<{ id: string; receiptNumber: string }>('sanitation.recordCounterPayment', {
    payerId,
    amountTetri,
    paidOn: isoDateInTbilisi(Date.now()),
    note: '',
  })
/** What the two PCs must agree on: the account without its history (whose times are each PC's own). */
const standing = ({ history: _history, ...rest }: PayerAccountView) => ({
  ...rest,
  payments: [...rest.payments].sort((x, y) => (x.id < y.id ? -1 : 1)),
})

describe('two PCs taking payments for one payer offline', () => {
  it('converge to the same balance, arrears and payments after sync, with a distinct receipt for each', async () => {
    const code = readFileSync(join(dataDir, 'demo-enrolment-code'), 'utf8').trim()
    a = await startPc(code)
    b = await startPc(code)
    // The demo clerk is a sanitation member: both PCs bootstrapped the scope and leased receipts.
    const debtor = (
      await a.ok<PayerListPage>('sanitation.listPayers', { sort: 'arrears', direction: 'desc', limit: 1 })
    ).rows[0]!
    expect(debtor.arrearsTetri).toBeGreaterThan(0)
    const before = await account(a, debtor.id)
    expect(standing(await account(b, debtor.id))).toEqual(standing(before))

    await offline(a, b)
    const receipts = [
      await pay(a, debtor.id, 1_500),
      await pay(b, debtor.id, 2_000),
      await pay(a, debtor.id, 700),
      await pay(b, debtor.id, 35),
    ]
    // Each PC sees only its own payments until they meet.
    expect((await account(a, debtor.id)).balanceTetri).toBe(before.balanceTetri - 2_200)
    expect((await account(b, debtor.id)).balanceTetri).toBe(before.balanceTetri - 2_035)

    // Back online one after the other; then the first again, to bring the second's payments.
    await online(a)
    await a.syncNow()
    await online(b)
    await b.syncNow()
    await a.syncNow()

    const onA = await account(a, debtor.id)
    const onB = await account(b, debtor.id)
    expect(onA.balanceTetri).toBe(before.balanceTetri - 4_235)
    expect(onA.paidTetri).toBe(before.paidTetri + 4_235)
    expect(standing(onB)).toEqual(standing(onA))
    // The list's derived account (kept by the write path on one PC, by the sync applier on the other) agrees.
    for (const pc of [a, b]) {
      const row = (await pc.ok<PayerListPage>('sanitation.listPayers', { search: debtor.paymentCode }))
        .rows[0]!
      expect({ balance: row.balanceTetri, arrears: row.arrearsTetri }).toEqual({
        balance: onA.balanceTetri,
        arrears: onA.arrearsTetri,
      })
      expect(pc.outbox()).toEqual([])
    }
    const numbers = receipts.map((r) => r.receiptNumber)
    expect(new Set(numbers).size).toBe(4)
    expect(
      onA.payments
        .filter((p) => numbers.includes(p.receiptNumber ?? ''))
        .map((p) => p.id)
        .sort(),
    ).toEqual(receipts.map((r) => r.id).sort())
  })

  it('an inspection made offline on one PC is approved on the other, and a retroactive tariff’s corrections reach both', async () => {
    const headOnA = await a.signIn('head')
    const household = (
      await b.ok<PayerListPage>('sanitation.listPayers', { kind: 'household', sort: 'name', limit: 1 })
    ).rows[0]!
    const members = (await account(b, household.id)).payer.registeredMembers!
    await offline(b)
    const { id: inspectionId } = await b.ok<{ id: string }>('sanitation.recordInspection', {
      payerId: household.id,
      visitedOn: isoDateInTbilisi(Date.now()),
      inspector: 'ლაშა გელაშვილი',
      observedMembers: members + 2,
      observedQuantity: null,
      note: 'მეზობლების ცნობით',
    })
    await online(b)
    await b.syncNow()
    await a.syncNow(headOnA)
    expect(await a.ok('sanitation.decideInspection', { inspectionId, approve: true }, headOnA)).toEqual({
      id: inspectionId,
      change: { field: 'registeredMembers', from: members, to: members + 2 },
    })
    await a.syncNow(headOnA)
    await b.syncNow()
    const onB = await account(b, household.id)
    expect(onB.payer.registeredMembers).toBe(members + 2)
    expect(onB.inspections.find((i) => i.id === inspectionId)).toMatchObject({
      approval: 'approved',
      observedMembers: members + 2,
      note: 'მეზობლების ცნობით',
    })

    // The head amends the tariff from two months back: correction lines for the charges issued since.
    const [current] = await a.ok<TariffVersionView[]>('sanitation.tariffVersions', {}, headOnA)
    const today = isoDateInTbilisi(Date.now())
    const created = await a.ok<TariffCorrections & { id: string }>(
      'sanitation.createTariffVersion',
      {
        resolutionNumber: '77',
        resolutionDate: today,
        effectiveFrom: `${addPeriods(periodOfDate(today), -2)}-01`,
        effectiveTo: null,
        householdRateTetri: current!.householdRateTetri + 5,
        memberCap: current!.memberCap,
        amendsVersionId: current!.id,
        note: '',
        bandRates: current!.bandRates,
        activityRates: current!.activityRates,
      },
      headOnA,
    )
    expect(created.lineCount).toBeGreaterThan(0)
    const overview = await a.syncNow(headOnA)
    expect({ pending: overview.pendingChanges, refused: overview.needsAttention }).toEqual({
      pending: 0,
      refused: 0,
    })
    await b.syncNow()
    const corrections = (pc: OnlinePc) =>
      pc.backend.db.$client
        .prepare(`SELECT count(*) AS n, sum(amount_tetri) AS total FROM sanitation_charge_line
                  WHERE kind = 'correction' AND tariff_version_id = ?`)
        .get(created.id)
    expect(corrections(b)).toEqual({ n: created.lineCount, total: created.totalTetri })
    expect(standing(await account(b, household.id))).toEqual(standing(await account(a, household.id)))
  })
})
