import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repo = fileURLToPath(new URL('../../../', import.meta.url))

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

describe('the renderer', () => {
  it('reaches the backend only through the api module: no Node, db, server or electron imports', () => {
    const offending: string[] = []
    for (const file of files(join(repo, 'renderer/src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const target = match[1]!
        if (
          /^(node:|electron$|electron\/|fs$|path$|child_process$)/.test(target) ||
          /(^|\/)(db|server|electron)\//.test(target)
        ) {
          offending.push(`${relative(repo, file)} -> ${target}`)
        }
      }
    }
    expect(offending).toEqual([])
  })

  it('loads zod setup first and fonts from the bundle, never from the network', () => {
    const main = readFileSync(join(repo, 'renderer/src/main.tsx'), 'utf8')
    expect(main.split('\n')[0]).toBe("import './zodSetup'")
    const html = readFileSync(join(repo, 'renderer/index.html'), 'utf8')
    expect(html).toContain('lang="ka"')
    expect(html).not.toMatch(/https?:\/\//)
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })
})
