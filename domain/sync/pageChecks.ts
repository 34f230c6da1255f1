import { z } from 'zod'
import { type PullResponse, Scope, type SnapshotResponse } from './protocol'

// The PC checks every pull and snapshot page against the protocol. A page holds thousands of rows,
// and zod's generic walk of them was a tenth of a bootstrap's time, so these two pages are checked
// by hand: the same rules as `PullResponse` and `SnapshotResponse` in protocol.ts (strict objects,
// the same patterns, lengths and number rules; tests/unit/sync/pageChecks.test.ts holds them
// to zod's verdict on mutated pages), in plain loops, and the page comes back as parsed, not copied.

export type PageCheck<T> =
  | { success: true; data: T; error?: undefined }
  | { success: false; data?: undefined; error: { message: string } }

const uuidPattern = patternOf(z.uuid())
const isoTimePattern = patternOf(z.iso.datetime({ offset: true }))
const entityPattern = /^[a-z][A-Za-z]{1,63}$/
const fieldPattern = /^[a-z][A-Za-z0-9]{0,63}$/
const maxText = 100_000
const scopes = new Set<string>(Scope.options)
const ops = new Set(['put', 'patch', 'delete', 'remove'])

const serverRowKeys = new Set(['entity', 'rowId', 'scope', 'values', 'fieldVersions', 'deletedAt'])
const changeKeys = new Set([
  'seq',
  'txSeq',
  'scope',
  'entity',
  'rowId',
  'op',
  'values',
  'deletedAt',
  'fieldVersions',
  'originDevice',
  'originMutation',
  'userId',
  'userName',
  'at',
])

function patternOf(schema: z.ZodType): RegExp {
  const pattern = (schema as unknown as { _zod: { def: { pattern?: RegExp } } })._zod.def.pattern
  if (!pattern) throw new Error('the schema has no pattern')
  return pattern
}

class PageError extends Error {}

function fail(path: string, what: string): never {
  throw new PageError(`${path}: ${what}`)
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function onlyKeys(o: Record<string, unknown>, allowed: ReadonlySet<string>, path: string): void {
  for (const key in o) if (!allowed.has(key)) fail(path, `unexpected key ${key}`)
}

const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const isPositive = (v: unknown): v is number => isSeq(v) && v > 0

/**
 * Patterns are tested once per distinct string of a page: a page's rows share their times and, in
 * a pull, their origin devices and authors.
 */
class Seen {
  private readonly ok = new Set<string>()
  constructor(private readonly pattern: RegExp) {}
  test(v: unknown): boolean {
    if (typeof v !== 'string') return false
    if (this.ok.has(v)) return true
    if (!this.pattern.test(v)) return false
    if (this.ok.size < 256) this.ok.add(v)
    return true
  }
}

function checkValues(v: unknown, path: string): void {
  if (!isRecord(v)) fail(path, 'not an object')
  for (const key in v) {
    if (!fieldPattern.test(key)) fail(path, `bad field name ${key}`)
    const value = v[key]
    switch (typeof value) {
      case 'string':
        if (value.length > maxText) fail(`${path}.${key}`, 'too long')
        break
      case 'number':
        if (!Number.isFinite(value)) fail(`${path}.${key}`, 'not a finite number')
        break
      case 'boolean':
        break
      default:
        if (value !== null) fail(`${path}.${key}`, 'not a field value')
    }
  }
}

function checkFieldVersions(v: unknown, path: string): void {
  if (!isRecord(v)) fail(path, 'not an object')
  for (const key in v) {
    if (key !== '*' && !fieldPattern.test(key)) fail(path, `bad field name ${key}`)
    if (!isSeq(v[key])) fail(`${path}.${key}`, 'not a sequence number')
  }
}

/** `SnapshotResponse` of protocol.ts, checked in loops. */
export function checkSnapshotPage(json: unknown): PageCheck<SnapshotResponse> {
  try {
    if (!isRecord(json)) fail('page', 'not an object')
    onlyKeys(json, new Set(['snapshotSeq', 'rows', 'next']), 'page')
    if (!isSeq(json.snapshotSeq)) fail('snapshotSeq', 'not a sequence number')
    if (json.next !== null && typeof json.next !== 'string') fail('next', 'not a token')
    if (!Array.isArray(json.rows)) fail('rows', 'not an array')
    const times = new Seen(isoTimePattern)
    for (let i = 0; i < json.rows.length; i++) {
      const row: unknown = json.rows[i]
      const path = `rows[${i}]`
      if (!isRecord(row)) fail(path, 'not an object')
      onlyKeys(row, serverRowKeys, path)
      if (typeof row.entity !== 'string' || !entityPattern.test(row.entity)) fail(path, 'bad entity')
      if (typeof row.rowId !== 'string' || !uuidPattern.test(row.rowId)) fail(path, 'bad rowId')
      if (typeof row.scope !== 'string' || !scopes.has(row.scope)) fail(path, 'bad scope')
      checkValues(row.values, `${path}.values`)
      checkFieldVersions(row.fieldVersions, `${path}.fieldVersions`)
      if (row.deletedAt !== null && !times.test(row.deletedAt)) fail(path, 'bad deletedAt')
    }
    return { success: true, data: json as unknown as SnapshotResponse }
  } catch (error) {
    if (error instanceof PageError) return { success: false, error: { message: error.message } }
    throw error
  }
}

/** `PullResponse` of protocol.ts, checked in loops. */
export function checkPullPage(json: unknown): PageCheck<PullResponse> {
  try {
    if (!isRecord(json)) fail('page', 'not an object')
    onlyKeys(json, new Set(['changes', 'next', 'hasMore']), 'page')
    if (!isSeq(json.next)) fail('next', 'not a sequence number')
    if (typeof json.hasMore !== 'boolean') fail('hasMore', 'not a boolean')
    if (!Array.isArray(json.changes)) fail('changes', 'not an array')
    const times = new Seen(isoTimePattern)
    const ids = new Seen(uuidPattern)
    for (let i = 0; i < json.changes.length; i++) {
      const e: unknown = json.changes[i]
      const path = `changes[${i}]`
      if (!isRecord(e)) fail(path, 'not an object')
      onlyKeys(e, changeKeys, path)
      if (!isPositive(e.seq)) fail(path, 'bad seq')
      if (!isPositive(e.txSeq)) fail(path, 'bad txSeq')
      if (typeof e.scope !== 'string' || !scopes.has(e.scope)) fail(path, 'bad scope')
      if (typeof e.entity !== 'string' || !entityPattern.test(e.entity)) fail(path, 'bad entity')
      if (typeof e.rowId !== 'string' || !uuidPattern.test(e.rowId)) fail(path, 'bad rowId')
      if (typeof e.op !== 'string' || !ops.has(e.op)) fail(path, 'bad op')
      checkValues(e.values, `${path}.values`)
      if (e.deletedAt !== null && !times.test(e.deletedAt)) fail(path, 'bad deletedAt')
      if (e.fieldVersions !== undefined) checkFieldVersions(e.fieldVersions, `${path}.fieldVersions`)
      if (e.originDevice !== null && !ids.test(e.originDevice)) fail(path, 'bad originDevice')
      // Mutation ids are all different: a cache would only fill up.
      if (
        e.originMutation !== null &&
        (typeof e.originMutation !== 'string' || !uuidPattern.test(e.originMutation))
      )
        fail(path, 'bad originMutation')
      if (e.userId !== null && typeof e.userId !== 'string') fail(path, 'bad userId')
      if (e.userName !== null && typeof e.userName !== 'string') fail(path, 'bad userName')
      if (!times.test(e.at)) fail(path, 'bad at')
    }
    return { success: true, data: json as unknown as PullResponse }
  } catch (error) {
    if (error instanceof PageError) return { success: false, error: { message: error.message } }
    throw error
  }
}
