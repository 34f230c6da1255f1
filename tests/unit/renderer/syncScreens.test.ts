import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Department, Role } from '../../../domain/auth/roles'
import { ConflictKind, ConnectionState, RejectedChange } from '../../../domain/sync/contract'
import { RejectReason, Scope, ServerErrorCode } from '../../../domain/sync/protocol'
import { clockNeedsAttention, clockOffsetParts } from '../../../renderer/src/admin/clockOffset'
import { codeStatus } from '../../../renderer/src/admin/codes/codeStatus'
import { dictationGroups } from '../../../renderer/src/admin/codes/dictationGroups'
import { routeFromState } from '../../../renderer/src/app/routes'
import { en } from '../../../renderer/src/i18n/en'
import { ka } from '../../../renderer/src/i18n/ka'
import { enrolErrorField, enrolMessageFor } from '../../../renderer/src/sync/enrol/enrolErrors'
import { fieldsResolver } from '../../../renderer/src/sync/fieldsResolver'
import { reasonHintKey, reasonKey } from '../../../renderer/src/sync/needsAttention/reasonKey'
import { editableFields, fieldKind, fieldSchema, toFieldValue } from '../../../renderer/src/sync/recordFields'
import { relativeTime } from '../../../renderer/src/sync/relativeTime'
import '../../../domain/validation'

const repo = fileURLToPath(new URL('../../../', import.meta.url))

type Tree = { readonly [key: string]: string | Tree }
const languages = { ka: ka as Tree, en: en as Tree }

/** The strings of one language with `{{count}}` filled in, as i18next would. */
const tIn =
  (language: keyof typeof languages) =>
  (key: string, options: { count: number }): string => {
    const text = lookup(languages[language], key)
    if (typeof text !== 'string') throw new Error(`missing ${key}`)
    return text.replace('{{count}}', String(options.count))
  }

function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined
    node = node[part]
  }
  return node
}

const missingIn = (keys: readonly string[]) =>
  Object.entries(languages).flatMap(([language, tree]) =>
    keys.filter((key) => typeof lookup(tree, key) !== 'string').map((key) => `${language}:${key}`),
  )

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

describe('the sync and administration screens’ translations', () => {
  it('name every value the screens build a key from', () => {
    const keys = [
      ...ConnectionState.options.map((v) => `sync.status.${v}`),
      ...RejectReason.options.map((v) => `sync.reason.${v}`),
      'sync.reason.unknown',
      ...RejectReason.options.map((v) => `sync.reasonHint.${v}`),
      'sync.reasonHint.unknown',
      ...ConflictKind.options.flatMap((v) => [`sync.conflictKind.${v}`, `sync.conflictHint.${v}`]),
      ...Scope.options.map((v) => `sync.scope.${v}`),
      ...ServerErrorCode.options.map((v) => `sync.error.${v}`),
      // What the PC's sync client adds to the server's codes (electron/backend/sync/httpFailure.ts).
      ...['NETWORK', 'TIMEOUT', 'BAD_RESPONSE'].map((v) => `sync.error.${v}`),
      'sync.error.unknown',
      ...Department.options.map((v) => `auth.department.${v}`),
      ...Role.options.map((v) => `auth.role.${v}`),
      ...RejectedChange.shape.op.options.map((v) => `history.op.${v}`),
      ...(['days', 'hours', 'minutes', 'seconds'] as const).map((v) => `admin.duration.${v}`),
      ...(['used', 'expired', 'unused'] as const).map((v) => `admin.codes.${v}`),
    ]
    expect(missingIn(keys)).toEqual([])
  })

  it('have a translated subtree for every key prefix built at run time in these screens', () => {
    const files = [
      ...sourceFiles(join(repo, 'renderer/src/sync')),
      ...sourceFiles(join(repo, 'renderer/src/admin')),
      join(repo, 'renderer/src/app/SyncStatus.tsx'),
      join(repo, 'renderer/src/app/Sidebar.tsx'),
    ]
    const prefixes: string[] = []
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(
        /`((?:sync|admin|auth|history)\.[A-Za-z.]+)\.\$\{/g,
      )) {
        prefixes.push(`${relative(repo, file)}: ${match[1]}`)
        for (const [language, tree] of Object.entries(languages)) {
          expect(typeof lookup(tree, match[1]!), `${language} has no ${match[1]}`).toBe('object')
        }
      }
    }
    expect(prefixes.length).toBeGreaterThan(5)
  })

  it('put every message the enrolment form can show in both languages', () => {
    const keys = [
      'serverUrlInvalid',
      'serverUnreachable',
      'notOurServer',
      'codeInvalid',
      'codeUnknown',
      'codeExpired',
      'codeUsed',
    ]
    expect(missingIn(keys.map((k) => `sync.enrol.${k}`))).toEqual([])
  })
})

describe('relative times', () => {
  const now = Date.parse('2026-03-12T10:00:00Z')
  const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString()

  it('read as a Georgian clerk says them', () => {
    expect(relativeTime(ago(10), now, tIn('ka'))).toBe('ახლახან')
    expect(relativeTime(ago(120), now, tIn('ka'))).toBe('2 წუთის წინ')
    expect(relativeTime(ago(3 * 3600), now, tIn('ka'))).toBe('3 საათის წინ')
    expect(relativeTime(ago(3 * 86_400), now, tIn('ka'))).toBe('3 დღის წინ')
  })

  it('read in English, and fall back to the date and time after a week', () => {
    expect(relativeTime(ago(120), now, tIn('en'))).toBe('2 min ago')
    expect(relativeTime(ago(50), now, tIn('en'))).toBe('1 min ago')
    expect(relativeTime('2026-02-01T08:30:00Z', now, tIn('en'))).toBe('01.02.2026 12:30')
  })

  it('read a time in the future (a PC clock behind the server) as now, and keep unreadable text', () => {
    expect(relativeTime(ago(-300), now, tIn('ka'))).toBe('ახლახან')
    expect(relativeTime('yesterday', now, tIn('ka'))).toBe('yesterday')
  })
})

describe('clock offsets', () => {
  it('warn only above two minutes either way', () => {
    expect(clockNeedsAttention(null)).toBe(false)
    expect(clockNeedsAttention(120_000)).toBe(false)
    expect(clockNeedsAttention(120_001)).toBe(true)
    expect(clockNeedsAttention(-3 * 60_000)).toBe(true)
  })

  it('show a sign and the two largest units', () => {
    expect(clockOffsetParts(200_000)).toEqual({
      sign: '+',
      parts: [
        { unit: 'minutes', n: 3 },
        { unit: 'seconds', n: 20 },
      ],
    })
    expect(clockOffsetParts(-86_400_000 - 3_600_000 * 2 - 5_000)).toEqual({
      sign: '−',
      parts: [
        { unit: 'days', n: 1 },
        { unit: 'hours', n: 2 },
      ],
    })
    expect(clockOffsetParts(-3_600_000 - 30_000)).toEqual({ sign: '−', parts: [{ unit: 'hours', n: 1 }] })
    expect(clockOffsetParts(400)).toEqual({ sign: '', parts: [{ unit: 'seconds', n: 0 }] })
  })
})

describe('enrolment codes', () => {
  it('split into groups to read out, losing no character', () => {
    expect(dictationGroups('48271935')).toEqual(['4827', '1935'])
    expect(dictationGroups('482719')).toEqual(['482', '719'])
    expect(dictationGroups('A7K2Q9M4X')).toEqual(['A7K', '2Q9', 'M4X'])
    for (const code of ['123456', '1234567', 'abcdefghijklmnop', 'x'.repeat(64)]) {
      expect(dictationGroups(code).join('')).toBe(code)
    }
  })

  it('are used once used, expired after their time, otherwise waiting', () => {
    const now = Date.parse('2026-03-12T10:00:00Z')
    expect(codeStatus({ usedByDevice: 'PC-214', expiresAt: '2026-03-01T00:00:00Z' }, now)).toBe('used')
    expect(codeStatus({ usedByDevice: null, expiresAt: '2026-03-12T10:00:00Z' }, now)).toBe('expired')
    expect(codeStatus({ usedByDevice: null, expiresAt: '2026-03-12T10:00:01Z' }, now)).toBe('unused')
  })
})

describe('refused changes', () => {
  it('name every protocol reason, and an unknown one as a plain refusal', () => {
    for (const reason of RejectReason.options) expect(reasonKey(reason)).toBe(`sync.reason.${reason}`)
    expect(reasonKey('SOMETHING_NEW')).toBe('sync.reason.unknown')
    for (const reason of RejectReason.options) expect(reasonHintKey(reason)).toBe(`sync.reasonHint.${reason}`)
    expect(reasonHintKey('SOMETHING_NEW')).toBe('sync.reasonHint.unknown')
  })

  it('give each field the input the registry form uses for it', () => {
    expect(fieldKind('bookValueTetri', 100)).toBe('money')
    expect(fieldKind('state', 'vacant')).toBe('choice')
    expect(fieldKind('territorialUnitId', 'x')).toBe('unit')
    expect(fieldKind('acquiredOn', null)).toBe('date')
    expect(fieldKind('somethingOn', '2025-01-31')).toBe('date')
    expect(fieldKind('areaSqm', 12.5)).toBe('number')
    expect(fieldKind('notes', '')).toBe('longText')
    expect(fieldKind('name', 'სკოლა')).toBe('text')
    expect(fieldKind('objectId', 'x')).toBe('readOnly')
    expect(fieldKind('deletedAt', '2025-01-01T00:00:00Z')).toBe('readOnly')
    expect(editableFields({ objectId: 'x', paidOn: '2025-01-01', amountTetri: 5 })).toEqual([
      'paidOn',
      'amountTetri',
    ])
  })

  it('check a field with the registry’s own schema, or by the kind of its saved value', () => {
    expect(fieldSchema('propertyObject', 'postalCode', '3700').safeParse('37').success).toBe(false)
    expect(fieldSchema('propertyObject', 'postalCode', '3700').safeParse('3701').success).toBe(true)
    expect(fieldSchema('propertyLease', 'annualRentTetri', 100).safeParse(0).success).toBe(false)
    expect(fieldSchema('propertyObject', 'acquiredOn', null).safeParse(null).success).toBe(true)
    expect(fieldSchema('unknownThing', 'count', 3).safeParse('three').success).toBe(false)
    expect(fieldSchema('unknownThing', 'label', null).safeParse(null).success).toBe(true)
  })

  it('keep an empty text empty (null) only where the saved value was empty', () => {
    expect(toFieldValue('', null)).toBeNull()
    expect(toFieldValue('', 'x')).toBe('')
    expect(toFieldValue(undefined, 5)).toBeNull()
    expect(toFieldValue(12.5, 1)).toBe(12.5)
  })

  it('report each failing field with its i18n key and pass good values through the schemas', async () => {
    const resolver = fieldsResolver({
      bookValueTetri: fieldSchema('propertyObject', 'bookValueTetri', 100),
      name: fieldSchema('propertyObject', 'name', 'სკოლა'),
    })
    const bad = await resolver({ bookValueTetri: '12 ლარი', name: '  ' }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    })
    expect(Object.keys(bad.errors).sort()).toEqual(['bookValueTetri', 'name'])
    expect(bad.errors.name?.message).toBe('validation.required')
    const good = await resolver({ bookValueTetri: 500, name: ' სკოლა ' }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    })
    expect(good.errors).toEqual({})
    expect(good.values).toEqual({ bookValueTetri: 500, name: 'სკოლა' })
  })
})

describe('routes', () => {
  it('accept the sync and administration screens back from history.state', () => {
    for (const name of ['needsAttention', 'conflicts', 'adminUsers', 'adminDevices', 'adminEnrolmentCodes']) {
      expect(routeFromState({ route: { name } })).toEqual({ name })
    }
    expect(routeFromState({ route: { name: 'adminSecrets' } })).toBeNull()
  })
})

describe('enrolment errors', () => {
  it('put a refused code beside the code and an unreachable server beside its address', () => {
    expect(enrolErrorField({ code: 'ENROLMENT_REFUSED', message: 'used' })).toEqual({
      field: 'code',
      key: 'errors.ENROLMENT_REFUSED',
    })
    expect(enrolErrorField({ code: 'OFFLINE', message: 'x' })).toEqual({
      field: 'serverUrl',
      key: 'sync.enrol.serverUnreachable',
    })
  })

  it('leave field messages the backend named, and other codes, to the form', () => {
    expect(
      enrolErrorField({
        code: 'ENROLMENT_REFUSED',
        message: 'x',
        fields: { code: 'sync.enrol.codeExpired' },
      }),
    ).toBeNull()
    expect(enrolErrorField({ code: 'INTERNAL', message: 'x' })).toBeNull()
  })

  it('word a malformed address with an example, and keep every other message', () => {
    expect(enrolMessageFor('serverUrl', 'validation.invalidFormat')).toBe('sync.enrol.serverUrlInvalid')
    expect(enrolMessageFor('code', 'validation.invalidFormat')).toBe('validation.invalidFormat')
    expect(enrolMessageFor('serverUrl', undefined)).toBeUndefined()
  })
})
