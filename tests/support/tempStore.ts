import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../../db/database'
import { openDatabase } from '../../db/openDatabase'
import { propertySearchIndex } from '../../db/property/searchIndex'
import { createWritePath, type WritePath } from '../../db/writePath'

export const migrationsFolder = join(import.meta.dirname, '../../migrations')

export function tempDir(prefix = 'rustavi-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A real SQLite file in a temp folder with the write path wired as the app wires it. */
export function tempStore(now?: () => Date): {
  db: Db
  write: WritePath
  dir: string
  file: string
  close(): void
} {
  const { dir, remove } = tempDir()
  const file = join(dir, 'rustavi.db')
  const db = openDatabase(file, { migrationsFolder })
  const write = createWritePath(db, { derivedIndexes: [propertySearchIndex], ...(now ? { now } : {}) })
  return {
    db,
    write,
    dir,
    file,
    close: () => {
      db.$client.close()
      remove()
    },
  }
}
