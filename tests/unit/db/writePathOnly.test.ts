import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { replicatedTables } from '../../../db/replicatedTables'

const root = join(import.meta.dirname, '../../..')
const scanned = ['db', 'electron', 'server', 'renderer/src']
// The write path (local edits) and the sync applier (the server's changes, db/sync/) are the only
// places allowed to write replicated tables; they name no table themselves.
const allowed = new Set([
  'db/writePath.ts',
  // settled data loaded in bulk into empty tables (the demo seed of a PC on its own)
  'db/bulkLoad.ts',
  'db/sync/replicaTable.ts',
  'db/sync/rowState.ts',
  'db/sync/scopeRows.ts',
  'db/sync/pushResults.ts',
])

function sourceFiles(dir: string): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return []
  }
  return entries.flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

/** Lines of `text` that write one of the replicated tables, by SQL or by drizzle's builder. */
function replicatedWrites(text: string): string[] {
  const found: string[] = []
  for (const [entity, { table }] of Object.entries(replicatedTables)) {
    const sqlName = getTableConfig(table).name
    const sqlWrite = new RegExp(
      `(INSERT\\s+(OR\\s+\\w+\\s+)?INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+["\`]?(main\\.)?${sqlName}\\b`,
      'i',
    )
    const drizzleName = entity.replace(/^./, (c) => c.toLowerCase())
    const drizzleWrite = new RegExp(`\\.(insert|update|delete)\\(\\s*${drizzleName}\\s*\\)`)
    for (const line of text.split('\n')) {
      if (sqlWrite.test(line) || drizzleWrite.test(line)) found.push(line.trim())
    }
  }
  return found
}

describe('replicated tables', () => {
  it('are written only through the write path (static check of every source file)', () => {
    const offences = scanned
      .flatMap((dir) => sourceFiles(join(root, dir)))
      .filter((file) => !allowed.has(relative(root, file)))
      .flatMap((file) =>
        replicatedWrites(readFileSync(file, 'utf8')).map((line) => `${relative(root, file)}: ${line}`),
      )
    expect(offences).toEqual([])
  })

  it('the check recognises a direct write when it sees one', () => {
    expect(replicatedWrites("client.prepare('UPDATE property_object SET state = ?')")).toHaveLength(1)
    expect(replicatedWrites('db.insert(propertyLease).values(x)')).toHaveLength(1)
    expect(replicatedWrites('db.select().from(propertyLease)')).toHaveLength(0)
  })
})
