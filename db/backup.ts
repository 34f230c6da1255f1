import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'

/**
 * A consistent copy of the live database (VACUUM INTO), taken before a migration and on a schedule.
 * Returns the backup's path.
 */
export function backupDatabase(
  client: Database.Database,
  folder: string,
  label: string,
  now = new Date(),
): string {
  mkdirSync(folder, { recursive: true })
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const target = join(folder, `${label}-${stamp}.db`)
  client.prepare('VACUUM INTO ?').run(target)
  return target
}
