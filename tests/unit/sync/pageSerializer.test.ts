import { serializerCompiler } from 'fastify-type-provider-zod'
import { describe, expect, it } from 'vitest'
import { checkPullPage, checkSnapshotPage } from '../../../domain/sync/pageChecks'
import { PullResponse, SnapshotResponse } from '../../../domain/sync/protocol'
import { pageSerializer } from '../../../server/sync/pageSerializer'

const id = (n: number) => `0190a3c0-0000-7000-8000-${String(n).padStart(12, '0')}`
const at = '2026-03-02T10:00:00.000Z'
const route = { method: 'GET', url: '/v1/sync/snapshot' }

const snapshotPage = () => ({
  snapshotSeq: 40,
  rows: [
    {
      entity: 'propertyObject',
      rowId: id(1),
      scope: 'property',
      values: { name: 'ბიბლიოთეკა', areaSqm: 120.5, active: true, notes: null },
      fieldVersions: { '*': 10, name: 12 },
      deletedAt: null,
    },
  ],
  next: 'token',
})
const pullPage = () => ({
  changes: [
    {
      seq: 41,
      txSeq: 41,
      scope: 'property',
      entity: 'propertyObject',
      rowId: id(1),
      op: 'patch',
      values: { notes: 'შემოწმდა' },
      deletedAt: null,
      originDevice: id(7),
      originMutation: id(8),
      userId: id(9),
      userName: 'ნინო',
      at,
    },
  ],
  next: 41,
  hasMore: false,
})

describe('the serializer of pull and snapshot pages', () => {
  it('writes a page exactly as the zod serializer did', () => {
    const snapshot = pageSerializer(checkSnapshotPage)(route)
    const zodSnapshot = serializerCompiler({ schema: SnapshotResponse, ...route, httpStatus: '200' })
    expect(snapshot(snapshotPage())).toBe(zodSnapshot(snapshotPage()))
    const pull = pageSerializer(checkPullPage)(route)
    const zodPull = serializerCompiler({ schema: PullResponse, ...route, httpStatus: '200' })
    expect(checkPullPage(pullPage()).success).toBe(true)
    expect(pull(pullPage())).toBe(zodPull(pullPage()))
  })

  it('refuses a page that breaks the protocol, as the zod serializer did', () => {
    const snapshot = pageSerializer(checkSnapshotPage)(route)
    const extraKey = { ...snapshotPage(), secret: 'x' }
    expect(() => snapshot(extraKey)).toThrow(/breaks the protocol/)
    const badId = snapshotPage()
    badId.rows[0]!.rowId = 'not-a-uuid'
    expect(() => snapshot(badId)).toThrow(/breaks the protocol/)
    const pull = pageSerializer(checkPullPage)(route)
    expect(() => pull({ ...pullPage(), hasMore: 'no' })).toThrow(/breaks the protocol/)
  })
})
