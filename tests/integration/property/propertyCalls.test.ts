import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../../domain/history'
import type { PropertyListPage, PropertyObjectDetail } from '../../../domain/property/views'
import { sampleLease, sampleObject } from '../../support/propertySamples'
import { expectOk, startTestBackend, type TestBackend } from '../../support/testBackend'

// Fixed "now" so rent due and arrears are exact: 15 March 2026, in Tbilisi.
const now = () => new Date('2026-03-15T08:00:00Z')

describe('property calls through the dispatch', () => {
  let t: TestBackend
  let clerk: string
  let unitId: string
  beforeAll(async () => {
    t = await startTestBackend({ now })
    clerk = await t.signIn('clerk')
    const units = expectOk(await t.call(clerk, 'reference.territorialUnits', {})) as { id: string }[]
    expect(units).toHaveLength(10)
    unitId = units[0]!.id
  })
  afterAll(() => t.close())

  const list = async (input: object) =>
    expectOk(await t.call(clerk, 'property.list', input)) as PropertyListPage

  it('creates an object with its cadastral code, edits it, and shows the edit in its history', async () => {
    const { id } = expectOk(await t.call(clerk, 'property.create', sampleObject(unitId))) as { id: string }
    const detail = expectOk(await t.call(clerk, 'property.get', { id })) as PropertyObjectDetail
    expect(detail).toMatchObject({ inventoryNumber: 'RST-2026-900001', version: 1, areaSqm: 64.25 })
    expect(detail.cadastralCodes).toEqual([
      expect.objectContaining({ code: '02.07.13.005.044', validFrom: '2016-05-20', validTo: null }),
    ])

    const updated = expectOk(
      await t.call(clerk, 'property.update', {
        id,
        version: 1,
        changes: { street: 'ბათუმის ქუჩა', areaSqm: 70 },
      }),
    ) as PropertyObjectDetail
    expect(updated).toMatchObject({ street: 'ბათუმის ქუჩა', areaSqm: 70, version: 2 })

    const history = expectOk(await t.call(clerk, 'property.history', { id })) as HistoryEntry[]
    expect(history[0]).toMatchObject({ op: 'update', userName: 'ნინო კაპანაძე', entity: 'propertyObject' })
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'street', from: 'კოსტავას ქუჩა', to: 'ბათუმის ქუჩა' },
        { field: 'areaSqm', from: 64.25, to: 70 },
      ]),
    )
    expect(history.map((h) => h.entity)).toEqual(
      expect.arrayContaining(['propertyCadastralCode', 'propertyObject']),
    )

    const stale = await t.call(clerk, 'property.update', { id, version: 1, changes: { street: 'სხვა' } })
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE_VERSION' } })
  })

  it('refuses a duplicate inventory number with a field error', async () => {
    const result = await t.call(clerk, 'property.create', sampleObject(unitId, { cadastralCode: null }))
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE', fields: { inventoryNumber: 'property.inventoryNumber.duplicate' } },
    })
  })

  it('finds objects by address typed in Georgian, romanised or on a Latin keyboard layout, and by cadastral code', async () => {
    const { id } = expectOk(
      await t.call(
        clerk,
        'property.create',
        sampleObject(unitId, {
          inventoryNumber: 'RST-2026-900002',
          street: 'მეგობრობის გამზირი',
          cadastralCode: '02.07.13.005.045',
        }),
      ),
    ) as { id: string }
    for (const search of [
      'მეგობრ',
      'megobrobis',
      'megobr',
      'megobrobis gamz',
      '02.07.13.005.045',
      'RST-2026-900002',
    ]) {
      const page = await list({ search })
      expect(
        page.rows.map((r) => r.id),
        search,
      ).toContain(id)
    }
    expect((await list({ search: 'ზზზზზ' })).total).toBe(0)
    // FTS syntax typed by a clerk is text, not a query.
    expect((await list({ search: '"*) OR (NEAR' })).rows).toEqual(expect.any(Array))
  })

  it('filters and sorts in SQLite', async () => {
    const byBook = await list({ sort: 'bookValueTetri', direction: 'desc', limit: 5 })
    const values = byBook.rows.map((r) => r.bookValueTetri)
    expect([...values].sort((a, b) => b - a)).toEqual(values)
    const premises = await list({ type: 'premises' })
    expect(premises.rows.every((r) => r.type === 'premises')).toBe(true)
    expect((await list({ type: 'movable' })).total).toBe(0)
  })

  it('keeps the cadastral code history when a code changes', async () => {
    const { id } = expectOk(
      await t.call(
        clerk,
        'property.create',
        sampleObject(unitId, { inventoryNumber: 'RST-2026-900003', cadastralCode: '02.07.13.005.046' }),
      ),
    ) as { id: string }
    const changed = expectOk(
      await t.call(clerk, 'property.changeCadastralCode', {
        objectId: id,
        code: '02.07.13.005.146',
        validFrom: '2024-02-01',
        reason: 'ნაკვეთის გაყოფა',
      }),
    ) as PropertyObjectDetail
    expect(changed.cadastralCodes).toEqual([
      expect.objectContaining({ code: '02.07.13.005.146', validFrom: '2024-02-01', validTo: null }),
      expect.objectContaining({ code: '02.07.13.005.046', validTo: '2024-02-01' }),
    ])
    expect((await list({ search: '02.07.13.005.046' })).rows.map((r) => r.id)).toContain(id)
    const page = await list({ search: 'RST-2026-900003' })
    expect(page.rows[0]!.cadastralCode).toBe('02.07.13.005.146')
  })

  it('computes rent due, payments and arrears of a lease, and marks a vacant object leased', async () => {
    const { id: objectId } = expectOk(
      await t.call(
        clerk,
        'property.create',
        sampleObject(unitId, { inventoryNumber: 'RST-2026-900004', cadastralCode: null }),
      ),
    ) as { id: string }
    // 12,000.00 GEL a year, monthly from 1 January 2026: by 15 March three instalments of 1,000.00 are due.
    const { id: leaseId } = expectOk(
      await t.call(
        clerk,
        'property.createLease',
        sampleLease(objectId, { startDate: '2026-01-01', endDate: '2028-12-31' }),
      ),
    ) as { id: string }
    expectOk(
      await t.call(clerk, 'property.addLeasePayment', {
        leaseId,
        paidOn: '2026-01-05',
        amountTetri: 100_000,
        reference: 'გადახდა 1',
      }),
    )
    const detail = expectOk(await t.call(clerk, 'property.get', { id: objectId })) as PropertyObjectDetail
    expect(detail.state).toBe('leased')
    expect(detail.leases[0]).toMatchObject({
      dueToDateTetri: 300_000,
      paidTetri: 100_000,
      arrearsTetri: 200_000,
    })
    const page = await list({ search: 'RST-2026-900004' })
    expect(page.rows[0]!.tenantName).toBe('შპს „რუსთავის ფარმაცია“')
    // The tenant is found on a Latin keyboard layout and by its romanised name.
    for (const search of ['farmacia', 'parmatsia']) {
      expect((await list({ search })).rows.map((r) => r.id)).toContain(objectId)
    }
  })

  it('stores documents by content and returns them intact', async () => {
    const { id: objectId } = expectOk(
      await t.call(
        clerk,
        'property.create',
        sampleObject(unitId, { inventoryNumber: 'RST-2026-900005', cadastralCode: null }),
      ),
    ) as { id: string }
    const content = Buffer.from('%PDF-1.4 ამონაწერი საჯარო რეესტრიდან')
    const upload = {
      objectId,
      title: 'ამონაწერი',
      kind: 'registryExtract',
      fileName: 'amonatseri.pdf',
      mimeType: 'application/pdf',
      contentBase64: content.toString('base64'),
    }
    const { id } = expectOk(await t.call(clerk, 'property.addDocument', upload)) as { id: string }
    expectOk(await t.call(clerk, 'property.addDocument', { ...upload, title: 'ასლი' }))
    const back = expectOk(await t.call(clerk, 'property.documentContent', { id })) as {
      contentBase64: string
    }
    expect(Buffer.from(back.contentBase64, 'base64').equals(content)).toBe(true)
    const detail = expectOk(await t.call(clerk, 'property.get', { id: objectId })) as PropertyObjectDetail
    expect(detail.documents).toHaveLength(2)
    expect(new Set(detail.documents.map((d) => d.sha256)).size).toBe(1)
  })

  it('deletes as a tombstone: gone from the list, history kept', async () => {
    const { id } = expectOk(
      await t.call(
        clerk,
        'property.create',
        sampleObject(unitId, { inventoryNumber: 'RST-2026-900006', cadastralCode: null }),
      ),
    ) as { id: string }
    expectOk(await t.call(clerk, 'property.remove', { id, version: 1 }))
    expect((await list({ search: 'RST-2026-900006' })).total).toBe(0)
    expect(await t.call(clerk, 'property.get', { id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    const history = expectOk(await t.call(clerk, 'property.history', { id })) as HistoryEntry[]
    expect(history[0]).toMatchObject({ op: 'delete' })
  })

  it('deletes an object with its cadastral codes and documents, in one save', async () => {
    const { id } = expectOk(
      await t.call(
        clerk,
        'property.create',
        sampleObject(unitId, { inventoryNumber: 'RST-2026-900008', cadastralCode: '02.07.13.005.908' }),
      ),
    ) as { id: string }
    const before = expectOk(await t.call(clerk, 'property.get', { id })) as PropertyObjectDetail
    expectOk(await t.call(clerk, 'property.remove', { id, version: before.version }))
    const client = t.backend.db.$client
    const liveCodes = client
      .prepare('SELECT count(*) FROM property_cadastral_code WHERE object_id = ? AND deleted_at IS NULL')
      .pluck()
    expect(liveCodes.get(id)).toBe(0)
    // Its code is free again for another object.
    expectOk(
      await t.call(
        clerk,
        'property.create',
        sampleObject(unitId, { inventoryNumber: 'RST-2026-900009', cadastralCode: '02.07.13.005.908' }),
      ),
    )
  })

  it('refuses to delete an object a lease still names, saying which and how many', async () => {
    const { id } = expectOk(
      await t.call(
        clerk,
        'property.create',
        sampleObject(unitId, { inventoryNumber: 'RST-2026-900007', cadastralCode: '02.07.13.005.907' }),
      ),
    ) as { id: string }
    expectOk(await t.call(clerk, 'property.createLease', sampleLease(id, { contractNumber: 'ქ-2025/0907' })))
    const before = expectOk(await t.call(clerk, 'property.get', { id })) as PropertyObjectDetail
    const refused = await t.call(clerk, 'property.remove', { id, version: before.version })
    expect(refused).toMatchObject({ ok: false, error: { code: 'HAS_CHILDREN' } })
    const error = (refused as { error: { children?: unknown } }).error
    expect(error.children).toEqual([{ entity: 'propertyLease', count: 1 }])
    // Nothing changed: the object and its code are as they were.
    const after = expectOk(await t.call(clerk, 'property.get', { id })) as PropertyObjectDetail
    expect(after.version).toBe(before.version)
    expect(after.cadastralCodes).toEqual(before.cadastralCodes)
  })

  it('reports objects by type, state and unit, lease income and expiring leases', async () => {
    const head = await t.signIn('head')
    const report = expectOk(await t.call(head, 'property.objectsReport', {})) as {
      byType: { key: string; count: number }[]
    }
    const live = (await list({})).total
    expect(report.byType.reduce((s, g) => s + g.count, 0)).toBe(live)
    const income = expectOk(await t.call(head, 'property.leaseIncomeReport', { year: 2026 })) as {
      dueTetri: number
      paidTetri: number
      arrearsTetri: number
      rows: { dueTetri: number; paidTetri: number; arrearsTetri: number }[]
    }
    expect(income.dueTetri).toBe(income.rows.reduce((s, r) => s + r.dueTetri, 0))
    expect(income.paidTetri).toBe(income.rows.reduce((s, r) => s + r.paidTetri, 0))
    expect(income.arrearsTetri).toBeGreaterThanOrEqual(200_000)
    const expiring = expectOk(
      await t.call(head, 'property.expiringLeases', { withinDays: 3650 }),
    ) as unknown[]
    expect(expiring.length).toBeGreaterThan(0)
    expect(
      (expectOk(await t.call(head, 'property.expiringLeases', { withinDays: 1 })) as unknown[]).length,
    ).toBe(0)
  })
})

describe('permissions, checked in the backend for every call', () => {
  let t: TestBackend
  beforeAll(async () => {
    t = await startTestBackend({ now })
  })
  afterAll(() => t.close())

  it('refuses calls without a session', async () => {
    expect(await t.call('nobody', 'property.list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('lets an auditor read but not write, and a clerk not see reports', async () => {
    const auditor = await t.signIn('auditor')
    expectOk(await t.call(auditor, 'property.list', {}))
    expect(
      await t.call(auditor, 'property.remove', { id: '019a0000-0000-7000-8000-000000000000', version: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const clerk = await t.signIn('clerk')
    expect(await t.call(clerk, 'property.objectsReport', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('shows an IT administrator without membership no property data, and demands a new password first', async () => {
    const admin = await t.signIn('admin')
    expect(await t.call(admin, 'property.list', {})).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_CHANGE_REQUIRED' },
    })
    const changed = await t.call(admin, 'auth.changePassword', {
      currentPassword: 'Rustavi-Admin-2026',
      newPassword: 'A-much-better-passphrase',
    })
    expect(changed).toMatchObject({ ok: true, data: { mustChangePassword: false } })
    expect(await t.call(admin, 'property.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('locks an account after five wrong passwords', async () => {
    const key = 'test:lockout'
    for (let i = 0; i < 4; i++) {
      expect(await t.call(key, 'auth.signIn', { username: 'head', password: 'wrong' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS' },
      })
    }
    expect(await t.call(key, 'auth.signIn', { username: 'head', password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED' },
    })
    expect(
      await t.call(key, 'auth.signIn', { username: 'head', password: 'Rustavi-Head-2026' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED' },
    })
  })
})
