import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/openDatabase'
import { propertyMatchExpression } from '../../../db/property/searchIndex'
import { migrationsFolder, tempDir } from '../../support/tempStore'

// The property search index keeps no token positions (migration 0011): its queries must never need
// them, and a store made before keeps every entry it had.

describe('the property search index without positions', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  /** A store migrated up to and including migration `last` (by its journal index), closed. */
  function storeMigratedUpTo(last: number): string {
    const temp = tempDir()
    cleanups.push(temp.remove)
    const folder = join(temp.dir, 'migrations')
    cpSync(migrationsFolder, folder, { recursive: true })
    const journalFile = join(folder, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] }
    journal.entries = journal.entries.filter((e) => e.idx <= last)
    writeFileSync(journalFile, JSON.stringify(journal))
    const file = join(temp.dir, 'rustavi.db')
    openDatabase(file, { migrationsFolder: folder }).$client.close()
    return file
  }

  it('refuses phrase queries, and no typed text makes one', () => {
    const temp = tempDir()
    cleanups.push(temp.remove)
    const db = openDatabase(join(temp.dir, 'rustavi.db'), { migrationsFolder })
    cleanups.unshift(() => db.$client.close())
    const client = db.$client
    client
      .prepare('INSERT INTO property_search (rowid, object_id, body) VALUES (1, ?, ?)')
      .run('a', 'rst-2016-000001 კოსტავას ქუჩა 02.07.13.005.044 kostavas kucha')
    const count = client.prepare('SELECT count(*) FROM property_search WHERE property_search MATCH ?').pluck()
    // The index really keeps no positions: a phrase of two words is an error.
    expect(() => count.get('"კოსტავას ქუჩა"')).toThrow(/phrase/)
    expect(count.get(propertyMatchExpression('კოსტ ქუჩ'))).toBe(1)
    expect(count.get(propertyMatchExpression('02.07.13'))).toBe(1)
    expect(count.get(propertyMatchExpression('kostavas'))).toBe(1)
    // Every letter and digit inside a word: the expression is one term per word as SQLite reads it.
    const failing: string[] = []
    for (let cp = 0x30; cp < 0x30000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const ch = String.fromCodePoint(cp)
      if (!/[\p{L}\p{N}]/u.test(ch)) continue
      const match = propertyMatchExpression(`k${ch}k`)
      if (match === null) continue
      try {
        count.get(match)
      } catch {
        failing.push(cp.toString(16))
      }
    }
    expect(failing).toEqual([])
  })

  it('keeps the entries of a store made before, under their rowids, searchable as before', () => {
    const file = storeMigratedUpTo(10)
    const before = openDatabase(file, { migrationsFolder: join(file, '..', 'migrations') }).$client
    const add = before.prepare('INSERT INTO property_search (rowid, object_id, body) VALUES (?, ?, ?)')
    add.run(7, 'object-7', 'rst-2016-000007 სკოლის შენობა skolis shenoba')
    add.run(9, 'object-9', 'rst-2016-000009 საწყობი satsqobi')
    before.close()

    const db = openDatabase(file, { migrationsFolder })
    cleanups.unshift(() => db.$client.close())
    const client = db.$client
    const ddl = client.prepare("SELECT sql FROM sqlite_master WHERE name = 'property_search'").pluck().get()
    expect(ddl).toMatch(/detail = none/)
    const matched = (typed: string) =>
      client
        .prepare('SELECT rowid, object_id AS objectId FROM property_search WHERE property_search MATCH ?')
        .all(propertyMatchExpression(typed))
    expect(matched('სკოლ')).toEqual([{ rowid: 7, objectId: 'object-7' }])
    expect(matched('satsq')).toEqual([{ rowid: 9, objectId: 'object-9' }])
    // Merging stays manual (migration 0004), so it never runs inside a save.
    const automerge = client
      .prepare("SELECT v FROM property_search_config WHERE k = 'automerge'")
      .pluck()
      .get()
    expect(automerge).toBe(0)
  })
})
