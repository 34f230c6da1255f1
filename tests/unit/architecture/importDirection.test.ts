import { readdirSync, readFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkImports, formatViolations, importSpecifiers, type SourceFile } from './importRules'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const SCANNED = ['domain', 'db', 'electron', 'renderer', 'server']
const SKIPPED = /(^|\/)(node_modules|out|dist)\//

function sourceFiles(): SourceFile[] {
  return SCANNED.flatMap((dir) => {
    let entries: string[]
    try {
      entries = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    } catch {
      return [] // a layer nobody has started yet
    }
    return entries
      .map((entry) => `${dir}/${entry.split(sep).join('/')}`)
      .filter((path) => /\.(ts|tsx|mts|cts)$/.test(path) && !SKIPPED.test(path))
      .map((path) => ({ path, source: readFileSync(join(root, path), 'utf8') }))
  })
}

describe('import direction (DESIGN.md section 2)', () => {
  it('holds for every source file of every layer', () => {
    const files = sourceFiles()
    expect(files.map((f) => f.path)).toContain('domain/georgian/index.ts')
    expect(formatViolations(checkImports(files))).toBe('')
  })
})

describe('the import checker', () => {
  const violationsOf = (files: SourceFile[]) =>
    formatViolations(checkImports(files)).split('\n').filter(Boolean)

  it('reports each broken rule as a `file -> import` line', () => {
    const lines = violationsOf([
      { path: 'domain/a.ts', source: "import { readFileSync } from 'node:fs'\nimport { z } from 'zod'" },
      { path: 'domain/b.ts', source: "import { api } from '../renderer/src/api'\nimport dayjs from 'dayjs'" },
      { path: 'db/c.ts', source: "export * from '../electron/backend/x'\nimport { app } from 'electron'" },
      {
        path: 'electron/backend/d.ts',
        source: "import type { BrowserWindow } from 'electron'\nimport '../main/window'",
      },
      {
        path: 'electron/main/e.ts',
        source: "import { app } from 'electron'\nimport { Page } from '../../renderer/src/Page'",
      },
      { path: 'renderer/src/f.tsx', source: "const db = await import('../../db/open')\nimport fs from 'fs'" },
      {
        path: 'renderer/src/g.ts',
        source: "import Database from 'better-sqlite3'\nconst x = require('../../server/x')",
      },
      { path: 'server/h.ts', source: "import { openDb } from '../db/open'" },
      { path: 'electron/shared/i.ts', source: '' },
    ])
    expect(lines).toEqual([
      'domain/a.ts -> node:fs  [domain/ is pure: no Node modules]',
      'domain/b.ts -> ../renderer/src/api  [domain/ may not import renderer/]',
      'domain/b.ts -> dayjs  [domain/ is pure: only zod, not dayjs]',
      'db/c.ts -> ../electron/backend/x  [db/ may not import electron/backend/]',
      "db/c.ts -> electron  [db/ may not import 'electron']",
      "electron/backend/d.ts -> electron  [electron/backend/ may not import 'electron']",
      'electron/backend/d.ts -> ../main/window  [electron/backend/ may not import electron/main/]',
      'electron/main/e.ts -> ../../renderer/src/Page  [electron/main/ may not import renderer/]',
      'renderer/src/f.tsx -> fs  [renderer/ runs in the browser: no Node modules]',
      'renderer/src/f.tsx -> ../../db/open  [renderer/ may not import db/]',
      'renderer/src/g.ts -> better-sqlite3  [renderer/ may not import better-sqlite3 (Node only)]',
      'renderer/src/g.ts -> ../../server/x  [renderer/ may not import server/]',
      'server/h.ts -> ../db/open  [server/ may not import db/]',
      'electron/shared/i.ts -> (file)  [is outside the known layers]',
    ])
  })

  it('lets each layer import what the design allows', () => {
    expect(
      checkImports([
        {
          path: 'domain/a.ts',
          source: "import { z } from 'zod'\nimport type { B } from './b'\nexport * from '../domain/c'",
        },
        {
          path: 'db/a.ts',
          source:
            "import Database from 'better-sqlite3'\nimport { join } from 'node:path'\nimport '../domain/a'",
        },
        {
          path: 'electron/backend/a.ts',
          source: "import '../../db/a'\nimport '../../domain/a'\nimport './b'",
        },
        {
          path: 'electron/main/a.ts',
          source: "import { app } from 'electron'\nimport '../backend/a'\nimport '../../db/a'",
        },
        {
          path: 'electron/preload/a.ts',
          source: "import { contextBridge } from 'electron'\nimport '../../domain/a'",
        },
        {
          path: 'renderer/src/a.tsx',
          source: "import { Button } from '@mantine/core'\nimport '../../domain/a'\nimport './x.css?inline'",
        },
        {
          path: 'server/a.ts',
          source: "import Fastify from 'fastify'\nimport '../domain/a'\nimport { env } from 'node:process'",
        },
      ]),
    ).toEqual([])
  })

  it('finds every form of import, and none in comments or strings', () => {
    const source = [
      "import a, { b as c } from 'pkg-a'",
      'import {',
      '  type D,',
      '  e,',
      "} from 'pkg-b'",
      "import type { F } from 'pkg-c'",
      "import 'pkg-d'",
      "export { g } from 'pkg-e'",
      "export * as h from 'pkg-f'",
      "const i = await import('pkg-g')",
      "const j = require('pkg-h')",
      "// import x from 'commented-1'",
      "/* import y from 'commented-2' */",
      "const url = 'http://example.ge' // import z from 'commented-3'",
      "const re = /['\"]/; import k from 'pkg-i'",
      "const half = total / 2; const ratio = a / b // import w from 'commented-4'",
      'const text = `a // b`',
      "export const from = 'not-an-import'",
    ].join('\n')
    expect(importSpecifiers(source)).toEqual([
      'pkg-a',
      'pkg-b',
      'pkg-c',
      'pkg-d',
      'pkg-e',
      'pkg-f',
      'pkg-i',
      'pkg-g',
      'pkg-h',
    ])
  })
})
