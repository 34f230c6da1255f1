import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { backupDatabase } from './backup'
import type { Db } from './database'
import * as schema from './schema'
import { installWriteGuards } from './writeGuard'

export class StoreError extends Error {
  constructor(
    readonly reason: 'schemaTooNew' | 'corrupt',
    message: string,
  ) {
    super(message)
    this.name = 'StoreError'
  }
}

export interface OpenOptions {
  migrationsFolder: string
  /** Where backups taken before a migration go; defaults to `<db folder>/backups`. */
  backupFolder?: string
}

interface JournalEntry {
  when: number
  tag: string
}

/**
 * Opens (creating if needed) the local store: pragmas for durability, an integrity check, a backup
 * before any migration, the migrations, and the guards that keep replicated tables write-path only.
 */
export function openDatabase(file: string, options: OpenOptions): Db {
  mkdirSync(dirname(file), { recursive: true })
  const existed = existsSync(file)
  const client = new Database(file)
  try {
    client.pragma('journal_mode = WAL')
    client.pragma('synchronous = FULL')
    client.pragma('foreign_keys = ON')
    client.pragma('busy_timeout = 5000')
    // The write guards' temp triggers make SQLite keep statement journals; in memory they cost little.
    client.pragma('temp_store = MEMORY')
    client.pragma('cache_size = -65536')
    // No checkpoint inside a clerk's save (it made the slowest saves 20 ms): the backend checkpoints
    // when idle and on close (checkpointWhenIdle).
    client.pragma('wal_autocheckpoint = 0')
    if (existed) checkIntegrity(client)

    const journal = readJournal(options.migrationsFolder)
    const applied = appliedMigrations(client)
    const newest = journal.at(-1)?.when ?? 0
    if (applied.some((when) => when > newest) || applied.length > journal.length) {
      throw new StoreError(
        'schemaTooNew',
        'This database was written by a newer version of the application; update the application.',
      )
    }
    if (existed && applied.length < journal.length) {
      backupDatabase(client, options.backupFolder ?? join(dirname(file), 'backups'), 'before-migration')
    }
    const db = drizzle(client, { schema }) as Db
    migrate(db, { migrationsFolder: options.migrationsFolder })
    installWriteGuards(client)
    return db
  } catch (error) {
    client.close()
    throw error
  }
}

function checkIntegrity(client: Database.Database): void {
  const rows = client.pragma('quick_check') as { quick_check: string }[]
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
    throw new StoreError(
      'corrupt',
      `The local database failed its integrity check: ${JSON.stringify(rows.slice(0, 3))}`,
    )
  }
}

function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[]
  }
  return journal.entries
}

function appliedMigrations(client: Database.Database): number[] {
  const table = client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get()
  if (!table) return []
  return (
    client.prepare('SELECT created_at AS createdAt FROM __drizzle_migrations').all() as {
      createdAt: number
    }[]
  ).map((r) => Number(r.createdAt))
}
