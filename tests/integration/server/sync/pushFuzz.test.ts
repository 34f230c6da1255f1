import fc from 'fast-check'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EntityName, fullRowSchema, isEntityName } from '../../../../domain/sync/entities'
import type { FieldValue, Mutation } from '../../../../domain/sync/protocol'
import { encodeHlc } from '../../../../domain/time/hlc'
import { record } from '../../../../server/db/schema'
import {
  leaseRow,
  objectRow,
  type SyncFixture,
  startSyncFixture,
  type TestPc,
  type TestUser,
  unitIds,
} from './syncFixture'

// Random push payloads, near-valid and not: the server never answers 500 and never stores a row
// that fails its entity's schema.

let f: SyncFixture
let pc: TestPc
let users: TestUser[]
const rowIds = Array.from({ length: 6 }, () => uuidv7())

beforeAll(async () => {
  f = await startSyncFixture()
  users = [
    await f.addUser('clerk', ['property']),
    await f.addUser('head', ['property']),
    await f.addUser('clerk', ['sanitation']),
    await f.addUser('itAdmin', []),
  ]
  pc = await f.enrolPc()
})
afterAll(() => f.close())

const validRows = (): Record<string, Record<string, FieldValue>> => ({
  propertyObject: objectRow(),
  propertyLease: leaseRow(rowIds[0]!),
  propertyLeasePayment: { leaseId: rowIds[1]!, paidOn: '2026-03-01', amountTetri: 10_000, reference: '' },
  propertyCadastralCode: {
    objectId: rowIds[0]!,
    code: '01.02.003.004',
    validFrom: '2020-01-01',
    validTo: null,
    reason: 'registration',
  },
  propertyDocument: {
    objectId: rowIds[0]!,
    title: 'აქტი',
    kind: 'act',
    fileName: 'act.pdf',
    mimeType: 'application/pdf',
    sizeBytes: 100,
    sha256: 'a'.repeat(64),
    addedAt: new Date().toISOString(),
  },
  territorialUnit: { code: '11', nameKa: 'ერთეული', nameEn: 'Unit' },
  syncConflict: {
    scope: 'property',
    kind: 'concurrentEdit',
    entity: 'propertyObject',
    rowId: rowIds[0]!,
    field: 'name',
    currentValue: '"a"',
    currentUserName: 'x',
    currentDeviceId: null,
    currentAt: new Date().toISOString(),
    otherValue: '"b"',
    otherUserName: 'y',
    otherDeviceId: null,
    otherAt: new Date().toISOString(),
    status: 'open',
    resolvedBy: null,
    resolvedAt: null,
  },
})

const oddValue: fc.Arbitrary<FieldValue> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    '',
    ' ',
    '2026-02-30',
    '2026-01-01',
    'contract-2026-1',
    '01.02.003.004',
    '\u0000',
    unitIds.first,
    rowIds[0]!,
  ),
)

const arbMutation = fc.record({
  entity: fc.oneof(
    fc.constantFrom(
      'propertyObject',
      'propertyLease',
      'propertyLeasePayment',
      'propertyCadastralCode',
      'propertyDocument',
      'territorialUnit',
      'syncConflict',
    ),
    fc.constantFrom('unknownThing', 'propertyObjects'),
  ),
  rowId: fc.oneof(fc.constantFrom(...rowIds, unitIds.first), fc.uuid()),
  op: fc.constantFrom('insert', 'update', 'delete'),
  edits: fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z]{0,12}$/), oddValue, { maxKeys: 3 }),
  keep: fc.float({ min: 0, max: 1, noNaN: true }),
  base: fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z]{0,12}$/), fc.option(fc.nat(500), { nil: null }), {
    maxKeys: 3,
  }),
  user: fc.nat(4),
  wallMs: fc.oneof(fc.constant(Date.now()), fc.nat(4_000_000_000_000)),
})

describe('push fuzzing', () => {
  it('never answers 500 and never stores a row that fails its schema', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbMutation, { minLength: 1, maxLength: 6 }), async (specs) => {
        const rows = validRows()
        const mutations: Mutation[] = specs.map((s, i) => {
          const valid = rows[s.entity] ?? {}
          const kept = Object.entries(valid).filter((_, k) => (k * 7919) % 100 < s.keep * 100 + 60)
          const fields =
            s.op === 'delete'
              ? {}
              : { ...Object.fromEntries(s.op === 'insert' ? Object.entries(valid) : kept), ...s.edits }
          return {
            seq: pc.nextSeq + i,
            mutationId: uuidv7(),
            entity: s.entity,
            rowId: s.rowId,
            op: s.op,
            fields,
            baseVersions: s.base,
            hlc: encodeHlc({ wallMs: s.wallMs, counter: 0, deviceId: pc.deviceId }),
            userId: users[s.user]?.id ?? uuidv7(),
            createdAt: new Date().toISOString(),
          }
        })
        const reply = await f.push(pc, mutations)
        expect([200, 400]).toContain(reply.status)
        if (reply.status === 200) pc.nextSeq = reply.body.deviceLastSeq + 1
      }),
      { numRuns: 120 },
    )
    const stored = await f.ctx.db.select().from(record)
    expect(stored.length).toBeGreaterThan(10)
    for (const row of stored) {
      expect(isEntityName(row.entity)).toBe(true)
      const parsed = fullRowSchema(row.entity as EntityName).safeParse(row.values)
      expect(parsed.success, `${row.entity} ${JSON.stringify(row.values)}`).toBe(true)
    }
  })

  it('answers garbage bodies with 400, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (body) => {
        const reply = await f.request('POST', '/v1/sync/push', {
          pc,
          body: { epoch: pc.epoch, mutations: [body] },
        })
        expect(reply.status).toBe(400)
      }),
      { numRuns: 60 },
    )
  })
})
