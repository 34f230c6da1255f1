import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '../../../domain/api'
import { callNames } from '../../../domain/contract'
import { ErrorCode } from '../../../domain/errors'
import { sampleLease, sampleObject } from '../../support/propertySamples'
import { sanitationEditBadInputs } from '../../support/sanitationEditSamples'
import { expectOk, startTestBackend, type TestBackend } from '../../support/testBackend'

const sqlMeta = "x'; DROP TABLE property_object; --"
const htmlMeta = '<script>alert(1)</script>'
const long = (n: number) => 'ა'.repeat(n)
const badId = ["1' OR '1'='1", htmlMeta, 'not-a-uuid', long(40), '', '0190aaaa-0000-4000-8000-000000000000']

/** Inputs every call must refuse, whatever it takes. */
const genericBadInputs: unknown[] = [
  null,
  undefined,
  42,
  'text',
  [],
  true,
  { unexpectedField: 1 },
  { __proto__: { x: 1 } },
]

describe('every contract call refuses bad input with a coded error and changes nothing', () => {
  let t: TestBackend
  let head: string
  let unitId: string
  let objectId: string
  let leaseId: string
  let specific: Record<string, unknown[]>

  beforeAll(async () => {
    t = await startTestBackend()
    // The demo head answers for property and sanitation, so both registries' calls get past the access rule.
    head = await t.signIn('head')
    unitId = (expectOk(await t.call(head, 'reference.territorialUnits', {})) as { id: string }[])[0]!.id
    objectId = (expectOk(await t.call(head, 'property.create', sampleObject(unitId))) as { id: string }).id
    leaseId = (expectOk(await t.call(head, 'property.createLease', sampleLease(objectId))) as { id: string })
      .id
    const object = sampleObject(unitId, { inventoryNumber: 'RST-2026-1' })
    const lease = sampleLease(objectId, { contractNumber: 'ქ-1' })
    specific = {
      'auth.signIn': [
        { username: "admin' --", password: 'x' },
        { username: htmlMeta, password: 'x' },
        { username: 'clerk', password: long(201) },
        { username: 'clerk' },
      ],
      'auth.changePassword': [
        { currentPassword: 'Rustavi-Head-2026', newPassword: 'short' },
        { currentPassword: 'Rustavi-Head-2026', newPassword: long(201) },
        { currentPassword: 'Rustavi-Head-2026', newPassword: 'Rustavi-Head-2026' },
        { currentPassword: 'wrong-password', newPassword: 'A-long-enough-password' },
      ],
      'property.list': [
        { search: long(101) },
        { limit: 100_000 },
        { offset: -1 },
        { sort: 'name; DROP TABLE property_object' },
        { direction: 'sideways' },
        { type: 'castle' },
        { territorialUnitId: sqlMeta },
      ],
      'property.get': badId.map((id) => ({ id })),
      'property.history': badId.map((id) => ({ id })),
      'property.documentContent': badId.map((id) => ({ id })),
      'property.removeDocument': badId.map((id) => ({ id })),
      'property.create': [
        { ...object, inventoryNumber: sqlMeta },
        { ...object, inventoryNumber: htmlMeta },
        { ...object, cadastralCode: `<b>02.07.13.005.044</b>` },
        { ...object, cadastralCode: '02-07-13' },
        { ...object, name: long(201) },
        { ...object, name: 'ორი\nსტრიქონი' },
        { ...object, notes: long(4001) },
        { ...object, bookValueTetri: -1 },
        { ...object, bookValueTetri: 1.5 },
        { ...object, bookValueTetri: '100' },
        { ...object, areaSqm: 1.234 },
        { ...object, postalCode: '37001' },
        { ...object, acquiredOn: '2026-02-30' },
        { ...object, acquiredOn: '30.01.2026' },
        { ...object, territorialUnitId: 'unit-1' },
        { ...object, territorialUnitId: '0190aaaa-0000-7000-8000-000000000000' },
        { ...object, type: 'castle' },
        { ...object, version: 3 },
        { ...object, inventoryNumber: 'RST-2026-900001' },
      ],
      'property.update': [
        { id: objectId, version: 1, changes: { version: 7 } },
        { id: objectId, version: 1, changes: { deletedAt: null } },
        { id: objectId, version: 1, changes: { name: '' } },
        { id: objectId, version: -1, changes: {} },
        { id: sqlMeta, version: 1, changes: { name: 'x' } },
        { id: objectId, version: 99, changes: { name: 'სხვა სახელი' } },
      ],
      'property.remove': [{ id: objectId }, { id: objectId, version: 99 }, { id: htmlMeta, version: 1 }],
      'property.changeCadastralCode': [
        { objectId, code: sqlMeta, validFrom: '2026-01-01', reason: 'x' },
        { objectId, code: '02.07.13.005.099', validFrom: '1800-01-01', reason: 'x' },
        { objectId, code: '02.07.13.005.099', validFrom: '2000-01-01', reason: 'x' },
        { objectId, code: '02.07.13.005.044', validFrom: '2026-01-01', reason: 'x' },
        { objectId, code: '02.07.13.005.099', validFrom: '2026-01-01', reason: '' },
      ],
      'property.createLease': [
        { ...lease, tenantKind: 'person', tenantIdNumber: '216543210' },
        { ...lease, tenantIdNumber: sqlMeta },
        { ...lease, endDate: '2024-12-31' },
        { ...lease, tenantPhone: htmlMeta },
        { ...lease, annualRentTetri: 0 },
        { ...lease, schedule: 'weekly' },
        { ...lease, contractNumber: 'ქ-2025/0001' },
        { ...lease, objectId: '0190aaaa-0000-7000-8000-000000000000' },
      ],
      'property.updateLease': [
        { id: leaseId, version: 1, changes: { endDate: '2020-01-01' } },
        { id: leaseId, version: 1, changes: { objectId } },
        { id: leaseId, version: 1, changes: { tenantKind: 'person', tenantIdNumber: '123' } },
      ],
      'property.terminateLease': [
        { id: leaseId, version: 1, terminatedOn: '2020-01-01' },
        { id: leaseId, version: 1, terminatedOn: 'tomorrow' },
      ],
      'property.addLeasePayment': [
        { leaseId, paidOn: '2026-01-01', amountTetri: 0, reference: '' },
        { leaseId, paidOn: '2026-13-01', amountTetri: 100, reference: '' },
        { leaseId, paidOn: '2026-01-01', amountTetri: 100, reference: long(61) },
        {
          leaseId: '0190aaaa-0000-7000-8000-000000000000',
          paidOn: '2026-01-01',
          amountTetri: 100,
          reference: '',
        },
      ],
      'property.addDocument': [
        {
          objectId,
          title: 'x',
          kind: 'act',
          fileName: '../../etc/passwd',
          mimeType: 'text/plain',
          contentBase64: 'AA==',
        },
        {
          objectId,
          title: 'x',
          kind: 'act',
          fileName: 'a.pdf',
          mimeType: 'text/html; charset=x',
          contentBase64: 'AA==',
        },
        {
          objectId,
          title: 'x',
          kind: 'act',
          fileName: 'a.pdf',
          mimeType: 'application/pdf',
          contentBase64: 'not base64!',
        },
        {
          objectId,
          title: 'x',
          kind: 'act',
          fileName: 'a.pdf',
          mimeType: 'application/pdf',
          contentBase64: '',
        },
        {
          objectId,
          title: 'x',
          kind: 'virus',
          fileName: 'a.pdf',
          mimeType: 'application/pdf',
          contentBase64: 'AA==',
        },
      ],
      'property.leaseIncomeReport': [{ year: 1800 }, { year: '2026' }, { year: 2026.5 }],
      'property.expiringLeases': [{ withinDays: 0 }, { withinDays: 99_999 }, { withinDays: '30' }],
      'sanitation.listPayers': [
        { search: long(101) },
        { limit: 100_000 },
        { sort: 'arrears_tetri; DROP TABLE sanitation_payer' },
        { kind: 'citizen' },
        ...badId.map((id) => ({ territorialUnitId: id })),
      ],
      'sanitation.payerAccount': badId.map((id) => ({ id })),
      'sanitation.previewBilling': [
        { period: '2026-13', territorialUnitId: null },
        { period: '2026-03', territorialUnitId: '0190a3c0-0000-7000-8000-00000000ffff' },
      ],
      'sanitation.startBillingRun': [
        { period: '26-03', territorialUnitId: null },
        { period: '2026-03', territorialUnitId: '0190a3c0-0000-7000-8000-00000000ffff' },
      ],
      'sanitation.billingRunProgress': badId.map((billingRunId) => ({ billingRunId })),
      'sanitation.cancelBillingRun': [{ billingRunId: '0190a3c0-0000-7000-8000-00000000ffff' }],
      'sanitation.reverseBillingRun': [
        { billingRunId: '0190a3c0-0000-7000-8000-00000000ffff', reason: 'x' },
        { billingRunId: '0190a3c0-0000-7000-8000-00000000ffff', reason: '' },
      ],
      'sanitation.recordCounterPayment': [
        { payerId: '0190a3c0-0000-7000-8000-00000000ffff', amountTetri: 100, paidOn: '2026-01-01', note: '' },
        { payerId: '0190a3c0-0000-7000-8000-00000000ffff', amountTetri: 0, paidOn: '2026-01-01', note: '' },
        { payerId: '0190a3c0-0000-7000-8000-00000000ffff', amountTetri: 1.5, paidOn: '2026-01-01', note: '' },
      ],
      'sanitation.dryRunBankImport': [
        { fileName: 'a.csv', contentBase64: 'AA==' },
        { fileName: 'a.csv', contentBase64: Buffer.from('x').toString('base64'), formatCode: 'tbcCsv' },
        {
          fileName: 'a.csv',
          contentBase64: Buffer.from([0xff, 0xfe, 0x00]).toString('base64'),
          formatCode: 'tbcCsv',
        },
      ],
      'sanitation.confirmBankImport': [
        {
          fileName: 'a.csv',
          contentBase64: Buffer.from('a,b\n1,2').toString('base64'),
          formatCode: 'tbcCsv',
        },
        { fileName: '', contentBase64: 'AA==', formatCode: 'tbcCsv' },
      ],
      'sanitation.resolveBankLine': [
        { lineId: '0190a3c0-0000-7000-8000-00000000ffff', payerId: '0190a3c0-0000-7000-8000-00000000ffff' },
      ],
      'sanitation.createActivityCategory': [
        { code: '1shop', nameKa: 'მაღაზია', nameEn: 'Shop', unit: 'sqm' },
        { code: 'shop', nameKa: 'მაღაზია', nameEn: 'Shop', unit: 'acre' },
        { code: 'retail', nameKa: 'ვაჭრობა', nameEn: 'Retail', unit: 'sqm' },
        { code: 'shop', nameKa: htmlMeta, nameEn: long(201), unit: 'sqm' },
      ],
      'sanitation.updateActivityCategory': [
        { id: '0190a3c0-0000-7000-8000-00000000ffff', version: 1, nameKa: 'ა', nameEn: 'a', unit: 'sqm' },
      ],
      'sanitation.createSocialBand': [
        { code: 'poor', nameKa: 'ა', nameEn: 'a', minScore: 10, maxScore: 5 },
        { code: 'poor', nameKa: 'ა', nameEn: 'a', minScore: 100, maxScore: 200 },
        { code: 'poor', nameKa: 'ა', nameEn: 'a', minScore: -1, maxScore: 5.5 },
      ],
      'sanitation.createBankFormat': [
        {
          code: 'noHeader',
          nameKa: 'ა',
          nameEn: 'a',
          delimiter: ',',
          skipLines: 0,
          hasHeader: false,
          columns: { payerCode: 'კოდი', amount: 2, date: 3, reference: null, payerName: null },
          dateFormat: 'yyyy-MM-dd',
          amountUnit: 'tetri',
        },
        {
          code: 'pipe',
          nameKa: 'ა',
          nameEn: 'a',
          delimiter: '|',
          skipLines: 0,
          hasHeader: true,
          columns: { payerCode: 1, amount: 2, date: 3, reference: null, payerName: null },
          dateFormat: 'yyyy-MM-dd',
          amountUnit: 'tetri',
        },
      ],
      'sanitation.retireReferenceItem': [
        { kind: 'payer', id: '0190a3c0-0000-7000-8000-00000000ffff', version: 1, retired: true },
        { kind: 'bankFormat', id: '0190a3c0-0000-7000-8000-00000000ffff', version: 1, retired: true },
      ],
      'sanitation.previewBankFormat': [{ format: { code: 'x' }, fileName: 'a.csv', contentBase64: 'YQ==' }],
      'sanitation.collectionReport': [
        { fromPeriod: '2026-1', toPeriod: '2026-02' },
        { fromPeriod: '2026-01' },
      ],
      'sanitation.unitCollectionReport': [
        { fromPeriod: '2026-03', toPeriod: '2026-02' },
        { fromPeriod: '2026-13', toPeriod: '2026-12' },
      ],
      'sanitation.topDebtors': [{ limit: 0 }, { limit: 1001 }, { territorialUnitId: badId[0] }],
      'exports.tableWorkbook': [
        { title: 'x', columns: [{ header: 'a', kind: 'text' }], rows: [['a', 'b']] },
        { title: '', columns: [{ header: 'a', kind: 'text' }], rows: [] },
        { title: 'x', columns: [], rows: [] },
        { title: 'x', columns: [{ header: 'a', kind: 'formula' }], rows: [] },
        { title: 'x', columns: [{ header: 'a', kind: 'number' }], rows: [[Number.NaN]] },
      ],
      // Creating and changing sanitation records.
      ...sanitationEditBadInputs(unitId),
    }
  })
  afterAll(() => t.close())

  it.each(callNames(contract))('%s', async (name) => {
    const before = t.snapshot()
    const inputs = [...genericBadInputs, ...(specific[name] ?? [])]
    for (const input of inputs) {
      const result = await t.call(head, name, input)
      expect(result.ok, `${name} accepted ${JSON.stringify(input)}`).toBe(false)
      if (result.ok) continue
      expect(ErrorCode.options).toContain(result.error.code)
      expect(result.error.code, `${name} ${JSON.stringify(input)}`).not.toBe('INTERNAL')
    }
    expect(t.snapshot(), `${name} changed the database`).toBe(before)
  })

  it('field errors name the field and carry a translatable key', async () => {
    const result = await t.call(head, 'property.create', {
      ...sampleObject(unitId),
      cadastralCode: '02-07',
      postalCode: '1',
    })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          cadastralCode: 'georgian.cadastralCode.invalid',
          postalCode: 'georgian.postalCode.invalid',
        },
      },
    })
  })

  it('stores SQL and HTML metacharacters in free text verbatim', async () => {
    const name = `${htmlMeta} ${sqlMeta} „ბრჭყალები“ & Co`
    const { id } = expectOk(
      await t.call(
        head,
        'property.create',
        sampleObject(unitId, { inventoryNumber: 'RST-META', cadastralCode: null, name }),
      ),
    ) as { id: string }
    expect(expectOk(await t.call(head, 'property.get', { id }))).toMatchObject({ name })
  })
})

describe('random input to the property calls (property-based)', () => {
  let t: TestBackend
  let clerk: string
  let unitId: string
  beforeAll(async () => {
    t = await startTestBackend()
    clerk = await t.signIn('clerk')
    unitId = (expectOk(await t.call(clerk, 'reference.territorialUnits', {})) as { id: string }[])[0]!.id
  })
  afterAll(() => t.close())

  const propertyCalls = Object.keys(contract.property).map((m) => `property.${m}`)

  it('never fails with an internal error, and a refused call changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...propertyCalls),
        fc.anything({ withNullPrototype: true }),
        async (name, input) => {
          const before = t.snapshot()
          const result = await t.call(clerk, name, input)
          if (!result.ok) {
            expect(result.error.code).not.toBe('INTERNAL')
            expect(t.snapshot()).toBe(before)
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('a create with one field replaced by random data is either valid or refused, never an internal error', async () => {
    const fields = Object.keys(sampleObject(unitId))
    let n = 0
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.anything(), async (field, value) => {
        const input = {
          ...sampleObject(unitId, { inventoryNumber: `RST-FUZZ-${++n}`, cadastralCode: null }),
          [field]: value,
        }
        const before = t.snapshot()
        const result = await t.call(clerk, 'property.create', input)
        if (!result.ok) {
          expect(['VALIDATION', 'DUPLICATE']).toContain(result.error.code)
          expect(t.snapshot()).toBe(before)
        }
      }),
      { numRuns: 150 },
    )
  })
})
