import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, StoreError } from '../../../db/openDatabase'
import { migrationsFolder, tempDir } from '../../support/tempStore'

describe('openDatabase', () => {
  const dirs: { remove(): void }[] = []
  const fresh = () => {
    const d = tempDir()
    dirs.push(d)
    return d.dir
  }
  afterEach(() => {
    for (const d of dirs.splice(0)) d.remove()
  })

  it('sets durable pragmas and applies every migration', () => {
    const db = openDatabase(join(fresh(), 'a.db'), { migrationsFolder })
    const client = db.$client
    expect(client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(client.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(client.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(client.pragma('busy_timeout', { simple: true })).toBe(5000)
    // Checkpoints run when idle, never inside a save.
    expect(client.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')).entries
    expect(client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({
      n: journal.length,
    })
    db.$client.close()
  })

  it('takes a backup before migrating an existing database, and none when nothing is pending', () => {
    const dir = fresh()
    const file = join(dir, 'a.db')
    // An "older" database: the first migration only.
    const older = join(dir, 'older-migrations')
    cpSync(migrationsFolder, older, { recursive: true })
    const journalFile = join(older, 'meta/_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'))
    journal.entries = journal.entries.slice(0, 1)
    writeFileSync(journalFile, JSON.stringify(journal))
    openDatabase(file, { migrationsFolder: older }).$client.close()
    expect(existsSync(join(dir, 'backups'))).toBe(false)

    openDatabase(file, { migrationsFolder }).$client.close()
    const backups = readdirSync(join(dir, 'backups'))
    expect(backups).toHaveLength(1)
    expect(backups[0]).toMatch(/^before-migration-.*\.db$/)
    const copy = new Database(join(dir, 'backups', backups[0]!), { readonly: true })
    expect(copy.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: 1 })
    copy.close()

    openDatabase(file, { migrationsFolder }).$client.close()
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1)
  })

  it('refuses a database written by a newer schema and leaves it untouched', () => {
    const dir = fresh()
    const file = join(dir, 'a.db')
    openDatabase(file, { migrationsFolder }).$client.close()
    const raw = new Database(file)
    raw
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('future', Date.now() + 10 ** 9)
    raw.close()
    const before = readFileSync(file)
    expect(() => openDatabase(file, { migrationsFolder })).toThrow(StoreError)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a database that fails its integrity check', () => {
    const dir = fresh()
    const file = join(dir, 'a.db')
    openDatabase(file, { migrationsFolder }).$client.close()
    const bytes = readFileSync(file)
    // Overwrite the middle of the file (b-tree pages), keeping the header valid.
    bytes.fill(0x5a, 4096 * 2, 4096 * 4)
    writeFileSync(file, bytes)
    expect(() => openDatabase(file, { migrationsFolder })).toThrow()
  })
})

describe('the migration journal', () => {
  it('has strictly increasing timestamps, or drizzle would skip a migration', () => {
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: { when: number; tag: string }[]
    }
    const whens = journal.entries.map((e) => e.when)
    for (let i = 1; i < whens.length; i++) expect(whens[i]!).toBeGreaterThan(whens[i - 1]!)
    for (const e of journal.entries) expect(existsSync(join(migrationsFolder, `${e.tag}.sql`))).toBe(true)
  })
})
