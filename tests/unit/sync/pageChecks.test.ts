import { describe, expect, it } from 'vitest'
import { checkPullPage, checkSnapshotPage } from '../../../domain/sync/pageChecks'
import { PullResponse, SnapshotResponse } from '../../../domain/sync/protocol'

const id = (n: number) => `0190a3c0-0000-7000-8000-${String(n).padStart(12, '0')}`
const at = '2026-03-02T10:00:00.000Z'

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
    {
      entity: 'propertyLease',
      rowId: id(2),
      scope: 'property',
      values: { objectId: id(1) },
      fieldVersions: { '*': 11 },
      deletedAt: at,
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
      originDevice: id(9),
      originMutation: id(10),
      userId: 'u-1',
      userName: 'კლერკი',
      at,
    },
    {
      seq: 42,
      txSeq: 41,
      scope: 'property',
      entity: 'propertyObject',
      rowId: id(3),
      op: 'put',
      values: { name: 'სკოლა' },
      deletedAt: null,
      fieldVersions: { '*': 42 },
      originDevice: null,
      originMutation: null,
      userId: null,
      userName: null,
      at,
    },
  ],
  next: 42,
  hasMore: false,
})

/** Replacements that break, or keep, a value: each must get the same verdict from both checks. */
const replacements: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  2 ** 53,
  '',
  'x'.repeat(100_001),
  'not-a-uuid',
  id(5),
  '2026-02-30T10:00:00Z',
  '2026-03-02T10:00:00+04:00',
  true,
  [],
  {},
  { Bad: 1 },
  { '*': 1 },
  { name: 'x' },
  { name: { nested: 1 } },
  'reference',
  'Property',
  'patch',
]

/** Every path to a value of `value`, objects and arrays walked. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix]
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)
  return [prefix, ...keys.flatMap((k) => pathsOf((value as Record<string, unknown>)[k], [...prefix, k]))]
}

function withReplaced(page: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const copy = structuredClone(page) as Record<string | number, unknown>
  let at: Record<string | number, unknown> = copy
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>
  const last = path.at(-1)!
  if (replacement === undefined) delete at[last]
  else at[last] = replacement
  return copy
}

describe('page checks', () => {
  const cases = [
    { name: 'snapshot', page: snapshotPage, check: checkSnapshotPage, schema: SnapshotResponse },
    { name: 'pull', page: pullPage, check: checkPullPage, schema: PullResponse },
  ] as const

  for (const { name, page, check, schema } of cases) {
    it(`accept and refuse a ${name} page exactly as the protocol's schema does`, () => {
      expect(check(page()).success).toBe(true)
      let refused = 0
      for (const path of pathsOf(page())) {
        for (const replacement of replacements) {
          const candidate = withReplaced(page(), path, replacement)
          const verdict = schema.safeParse(candidate).success
          expect({ path, replacement, verdict: check(candidate).success }).toEqual({
            path,
            replacement,
            verdict,
          })
          if (!verdict) refused += 1
        }
        // An unknown key in any object gets the same verdict too (refused, but in `values`).
        const target = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], page())
        if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
          const extra = withReplaced(page(), [...path, 'surplus'], 1)
          expect({ path, verdict: check(extra).success }).toEqual({
            path,
            verdict: schema.safeParse(extra).success,
          })
        }
      }
      expect(refused).toBeGreaterThan(100)
    })
  }

  it('say where a page is wrong', () => {
    const bad = withReplaced(pullPage(), ['changes', 1, 'rowId'], 'x')
    const checked = checkPullPage(bad)
    expect(checked.success).toBe(false)
    expect(checked.error?.message).toContain('changes[1]')
  })
})
