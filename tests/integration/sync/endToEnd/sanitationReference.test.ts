import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDate, isoDateInTbilisi } from '../../../../domain/georgian/dates'
import type { ReferenceDataView } from '../../../../domain/sanitation/referenceContract'
import type { BankImportReportView, PayerListPage } from '../../../../domain/sanitation/views'
import type { Conflict, RejectedChange } from '../../../../domain/sync/contract'
import { createTestDatabase, type TestDatabase } from '../../../support/postgres'
import { type ServerProcess, startServerProcess } from '../../../support/serverInstance'
import { eventually, type SyncedPc, startSyncedPc } from '../../../support/syncedPc'

// The sanitation reference data across the real central server (`npm run server` as a child
// process, on PostgreSQL) and two PCs: a fresh installation gets the defaults, a head's change of a
// bank format on one PC reaches the other, and the next import there reads files with it. A
// change by a clerk that bypassed the calls is refused by the server and kept for a head.

let database: TestDatabase
let dataDir: string
let server: ServerProcess
let a: SyncedPc
let b: SyncedPc

beforeAll(async () => {
  database = await createTestDatabase()
  dataDir = mkdtempSync(join(tmpdir(), 'rustavi-sanref-server-'))
  server = await startServerProcess({
    dataDir,
    demo: true,
    env: { DATABASE_URL: database.url },
    extraArgs: ['--demo-objects', '0', '--demo-payers', '40'],
  })
  const code = readFileSync(join(dataDir, 'demo-enrolment-code'), 'utf8').trim()
  a = await startSyncedPc({ serverUrl: server.url, enrolCode: code, user: 'head', deviceName: 'PC A' })
  b = await startSyncedPc({ serverUrl: server.url, enrolCode: code, user: 'clerk', deviceName: 'PC B' })
}, 120_000)

afterAll(async () => {
  await a?.close()
  await b?.close()
  server?.kill('SIGTERM')
  await server?.exited
  await database?.drop()
  rmSync(dataDir, { recursive: true, force: true })
})

const reference = (pc: SyncedPc) => pc.ok<ReferenceDataView>('sanitation.listReferenceData', {})

describe('sanitation reference data across PCs', () => {
  it('a fresh installation gives every PC of the service the default categories, bands and formats', async () => {
    for (const pc of [a, b]) {
      const data = await reference(pc)
      expect(data.categories).toHaveLength(12)
      expect(data.bands.map((x) => x.code)).toEqual(['vulnerable', 'lowIncome'])
      expect(data.bankFormats.map((f) => f.code)).toEqual(['bogCsv', 'tbcCsv', 'treasuryCsv'])
    }
    // The same rows under the same ids as a PC seeded on its own (fixed ids).
    expect((await reference(a)).bankFormats.map((f) => f.id)).toEqual(
      (await reference(b)).bankFormats.map((f) => f.id),
    )
  })

  it("a head's new mapping of a bank format on PC A reaches PC B, whose next import reads files with it", async () => {
    const payers = (await b.ok<PayerListPage>('sanitation.listPayers', { limit: 2, sort: 'paymentCode' }))
      .rows
    const yesterday = formatDate(isoDateInTbilisi(Date.now() - 86_400_000))
    const statement = [
      'ანგარიში GE00TB0000000000000001',
      'ჩარიცხვის თარიღი|ოპერაციის №|კოდი|ლარი',
      `${yesterday}|OP-1|${payers[0]!.paymentCode}|3.60`,
      `${yesterday}|OP-2|${payers[1]!.paymentCode}|1.20`,
    ].join('\n')
    const file = { fileName: 'bog.csv', contentBase64: Buffer.from(statement).toString('base64') }
    // As the format stands, B cannot read this layout.
    expect(await b.call('sanitation.dryRunBankImport', { ...file, formatCode: 'bogCsv' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })

    const bog = (await reference(a)).bankFormats.find((f) => f.code === 'bogCsv')!
    const { id, version, retiredOn: _retired, code: _code, ...fields } = bog
    await a.ok('sanitation.updateBankFormat', {
      ...fields,
      id,
      version,
      delimiter: ';',
      skipLines: 1,
      columns: { payerCode: 'კოდი', amount: 'ლარი', date: 1, reference: 'ოპერაციის №', payerName: null },
    })
    // The bank's delimiter is a pipe, which no format allows: the head gets a coded refusal.
    expect(
      await a.call('sanitation.updateBankFormat', { ...fields, id, version: version + 1, delimiter: '|' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { delimiter: expect.any(String) } },
    })
    const semicolons = Buffer.from(statement.replaceAll('|', ';')).toString('base64')
    await a.syncNow()
    expect(a.outbox()).toEqual([])

    // B pulls on the server's poke or its next round; then its import uses the new mapping.
    await eventually(
      async () => {
        await b.syncNow()
        const format = (await reference(b)).bankFormats.find((f) => f.code === 'bogCsv')!
        return format.delimiter === ';' && format.columns.date === 1
      },
      10_000,
      'the new mapping on PC B',
    )
    const input = { fileName: 'bog.csv', contentBase64: semicolons, formatCode: 'bogCsv' }
    const done = await b.ok<BankImportReportView>('sanitation.confirmBankImport', input)
    expect(done.lines.map((l) => [l.status, l.amountTetri, l.reference])).toEqual([
      ['matched', 360, 'OP-1'],
      ['matched', 120, 'OP-2'],
    ])
    await b.syncNow()
    expect(b.outbox()).toEqual([])
  })

  it('the server refuses a change of reference data by a clerk and keeps it for a head to see', async () => {
    const treasury = (await reference(b)).bankFormats.find((f) => f.code === 'treasuryCsv')!
    expect(
      await b.call('sanitation.retireReferenceItem', {
        kind: 'bankFormat',
        id: treasury.id,
        version: treasury.version,
        retired: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // A clerk's change that reached the outbox anyway (an old app version, a forged row).
    const clerk = b.backend.db.$client
      .prepare("SELECT id, full_name AS name FROM local_user WHERE username = 'clerk'")
      .get() as {
      id: string
      name: string
    }
    b.backend.write({ userId: clerk.id, userName: clerk.name }, [
      { op: 'update', entity: 'sanitationBankFormat', id: treasury.id, values: { retiredOn: '2026-01-01' } },
    ])
    await b.syncNow()
    const refused = await eventually(async () => {
      const list = await b.ok<RejectedChange[]>('sync.listRejected', {})
      return list.find((e) => e.entity === 'sanitationBankFormat')
    })
    expect(refused).toMatchObject({
      reason: 'FORBIDDEN',
      rowId: treasury.id,
      fields: { retiredOn: '2026-01-01' },
    })
    // The server kept the format in use, and the clerk's change waits for a head (on PC A).
    await a.syncNow()
    expect((await reference(a)).bankFormats.find((f) => f.code === 'treasuryCsv')!.retiredOn).toBeNull()
    const conflicts = await a.ok<Conflict[]>('sync.listConflicts', { status: 'open' })
    expect(conflicts.filter((c) => c.rowId === treasury.id).map((c) => c.kind)).toEqual(['permissionRevoked'])
  })
})
