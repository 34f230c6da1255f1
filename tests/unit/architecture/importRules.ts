import { builtinModules } from 'node:module'
import { posix } from 'node:path'

// The dependency rule of DESIGN.md section 2, as data plus a small import scanner.
// Imports only flow renderer -> domain, electron/main -> electron/backend -> db -> domain, server -> domain.

export const LAYERS = [
  'domain',
  'db',
  'electron/backend',
  'electron/main',
  'electron/preload',
  'renderer',
  'server',
] as const
export type Layer = (typeof LAYERS)[number]

export type SourceFile = { path: string; source: string }
export type Violation = { file: string; specifier: string; reason: string }

/** What an import points at: a layer of this repository, another repo path, Node, Electron, or a package. */
type Target =
  | { kind: 'layer'; layer: Layer }
  | { kind: 'repo'; path: string }
  | { kind: 'node' }
  | { kind: 'electron' }
  | { kind: 'package'; name: string }

/** Packages that only run in Node: the renderer reaches them through window.api, never directly. */
const NODE_ONLY_PACKAGES = new Set([
  'better-sqlite3',
  'drizzle-orm',
  'drizzle-kit',
  'fastify',
  '@electric-sql/pglite',
])

type Rule = (target: Target) => string | null

const layerOnly =
  (allowed: readonly Layer[]) =>
  (target: Target): string | null => {
    if (target.kind === 'layer')
      return allowed.includes(target.layer) ? null : `may not import ${target.layer}/`
    if (target.kind === 'repo') return `may not import ${target.path} (outside ${allowed.join(', ')})`
    return null
  }

const noElectron: Rule = (target) => (target.kind === 'electron' ? "may not import 'electron'" : null)

const rules: Record<Layer, Rule[]> = {
  domain: [
    layerOnly(['domain']),
    (t) => (t.kind === 'node' ? 'is pure: no Node modules' : null),
    noElectron,
    (t) => (t.kind === 'package' && t.name !== 'zod' ? `is pure: only zod, not ${t.name}` : null),
  ],
  db: [layerOnly(['domain', 'db']), noElectron],
  'electron/backend': [layerOnly(['domain', 'db', 'electron/backend']), noElectron],
  'electron/main': [
    (t) =>
      t.kind === 'layer' && ['renderer', 'server'].includes(t.layer) ? `may not import ${t.layer}/` : null,
  ],
  'electron/preload': [
    (t) =>
      t.kind === 'layer' && ['renderer', 'server'].includes(t.layer) ? `may not import ${t.layer}/` : null,
  ],
  renderer: [
    layerOnly(['domain', 'renderer']),
    (t) => (t.kind === 'node' ? 'runs in the browser: no Node modules' : null),
    noElectron,
    (t) =>
      t.kind === 'package' && NODE_ONLY_PACKAGES.has(t.name) ? `may not import ${t.name} (Node only)` : null,
  ],
  server: [layerOnly(['domain', 'server']), noElectron],
}

export function layerOf(path: string): Layer | null {
  for (const layer of LAYERS) if (path === layer || path.startsWith(`${layer}/`)) return layer
  return null
}

const packageName = (specifier: string): string => {
  const [first = '', second = ''] = specifier.split('/')
  return first.startsWith('@') ? `${first}/${second}` : first
}

function targetOf(file: string, specifier: string): Target {
  const spec = specifier.replace(/[?#].*$/, '')
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const resolved = spec.startsWith('/')
      ? spec.slice(1)
      : posix.normalize(posix.join(posix.dirname(file), spec))
    const layer = layerOf(resolved)
    return layer ? { kind: 'layer', layer } : { kind: 'repo', path: resolved }
  }
  if (
    spec.startsWith('node:') ||
    builtinModules.includes(spec) ||
    builtinModules.includes(packageName(spec))
  ) {
    return { kind: 'node' }
  }
  const name = packageName(spec)
  return name === 'electron' ? { kind: 'electron' } : { kind: 'package', name }
}

export function checkImports(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = []
  for (const { path, source } of files) {
    const layer = layerOf(path)
    if (!layer) {
      // electron/ holds exactly main, preload and backend (DESIGN.md section 2)
      violations.push({ file: path, specifier: '', reason: 'is outside the known layers' })
      continue
    }
    for (const specifier of importSpecifiers(source)) {
      const target = targetOf(path, specifier)
      for (const rule of rules[layer]) {
        const reason = rule(target)
        if (reason) violations.push({ file: path, specifier, reason: `${layer}/ ${reason}` })
      }
    }
  }
  return violations
}

export const formatViolations = (violations: readonly Violation[]): string =>
  violations.map((v) => `${v.file} -> ${v.specifier || '(file)'}  [${v.reason}]`).join('\n')

const STATIC_IMPORT =
  /(?:^|[;}\n])\s*(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s*)?(['"])([^'"\n]+)\1/g
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(['"`])([^'"`\n]+)\1\s*[,)]/g
const REQUIRE = /\brequire\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g

/** Every module specifier of import/export-from statements, dynamic import() and require(). */
export function importSpecifiers(source: string): string[] {
  const code = withoutComments(source)
  const found: string[] = []
  for (const pattern of [STATIC_IMPORT, DYNAMIC_IMPORT, REQUIRE]) {
    for (const m of code.matchAll(pattern)) if (m[2]) found.push(m[2])
  }
  return [...new Set(found)]
}

const REGEX_MAY_FOLLOW = new Set([...'(,=:[!&|?{};+-*%<>~^'])
const REGEX_MAY_FOLLOW_WORD = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
])

/**
 * The source with comments blanked, so a commented-out import is not counted. Strings, templates
 * and regular-expression literals are skipped over, so '//' or a quote inside them does no harm.
 */
export function withoutComments(source: string): string {
  let out = ''
  let last = '' // the last significant character outside comments
  let word = '' // the identifier or keyword ending at `last`, if any
  let i = 0
  const copyUntil = (end: number) => {
    out += source.slice(i, end)
    i = end
  }
  while (i < source.length) {
    const c = source[i] ?? ''
    const next = source[i + 1] ?? ''
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i)
      i = end < 0 ? source.length : end
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2)
      const stop = end < 0 ? source.length : end + 2
      out += source.slice(i, stop).replace(/[^\n]/g, ' ')
      i = stop
    } else if (c === '"' || c === "'" || c === '`') {
      copyUntil(endOfQuoted(source, i, c))
      last = c
      word = ''
    } else if (c === '/' && (last === '' || REGEX_MAY_FOLLOW.has(last) || REGEX_MAY_FOLLOW_WORD.has(word))) {
      copyUntil(endOfRegex(source, i))
      last = '/'
      word = ''
    } else {
      if (/[\w$]/.test(c)) word = /[\w$]/.test(source[i - 1] ?? '') ? word + c : c
      else if (!/\s/.test(c)) word = ''
      if (!/\s/.test(c)) last = c
      out += c
      i++
    }
  }
  return out
}

function endOfQuoted(source: string, start: number, quote: string): number {
  let i = start + 1
  while (i < source.length) {
    const c = source[i]
    if (c === '\\') i += 2
    else if (c === quote) return i + 1
    else if (c === '\n' && quote !== '`') return i
    else i++
  }
  return i
}

function endOfRegex(source: string, start: number): number {
  let i = start + 1
  let inClass = false
  while (i < source.length) {
    const c = source[i]
    if (c === '\\') i += 2
    else if (c === '\n') return i
    else {
      if (c === '[') inClass = true
      else if (c === ']') inClass = false
      else if (c === '/' && !inClass) {
        i++
        while (i < source.length && /[a-z]/i.test(source[i] ?? '')) i++
        return i
      }
      i++
    }
  }
  return i
}
