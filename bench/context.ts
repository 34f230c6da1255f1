import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../db/database'
import { openDatabase } from '../db/openDatabase'
import { propertySearchIndex } from '../db/property/searchIndex'
import { createWritePath, type WritePath } from '../db/writePath'
import { isoDateInTbilisi } from '../domain/georgian/dates'
import { seedDemoProperty } from '../electron/backend/seed/demoProperty'
import { seedTerritorialUnits } from '../electron/backend/seed/territorialUnits'
import { formatCount, formatMs, since } from './stats'

export const repoRoot = join(import.meta.dirname, '..')
export const migrationsFolder = join(repoRoot, 'migrations')

/** The generated store every benchmark after the generation one reads and writes. */
export interface BenchStore {
  /** The user-data folder (the web host's backend can open it); the database is `rustavi.db` in it. */
  dir: string
  file: string
  db: Db
  write: WritePath
  today: string
  /** How long seeding the demo registry took (NaN for a reused store). */
  generationMs: number
}

export interface BenchContext {
  /** Objects in the generated store (100,000 unless BENCH_OBJECTS says otherwise). */
  objects: number
  seed: number
  now: Date
  /** A fresh folder under the temp folder, removed at the end of the run. */
  tempDir(prefix: string): string
  /** The demo store, generated on first use and shared by every benchmark of the run. */
  store(): BenchStore
  close(): void
}

export function createContext(): BenchContext {
  const objects = Number(process.env.BENCH_OBJECTS ?? 100_000)
  const seed = Number(process.env.BENCH_SEED ?? 20_260_101)
  const now = new Date()
  const root = mkdtempSync(join(tmpdir(), 'rustavi-bench-'))
  let counter = 0
  let store: BenchStore | null = null
  const tempDir = (prefix: string) => mkdtempSync(join(root, `${prefix}-${++counter}-`))
  return {
    objects,
    seed,
    now,
    tempDir,
    store() {
      if (!store && process.env.BENCH_STORE) {
        // an existing store folder (e.g. one kept with BENCH_KEEP=1): migrated, reused, not timed
        const dir = process.env.BENCH_STORE
        const file = join(dir, 'rustavi.db')
        const db = openDatabase(file, { migrationsFolder })
        const write = createWritePath(db, { derivedIndexes: [propertySearchIndex], now: () => now })
        console.log(`\n(reusing the store in ${dir}; its generation is not timed)`)
        store = { dir, file, db, write, today: isoDateInTbilisi(now.getTime()), generationMs: Number.NaN }
      }
      if (!store) {
        const dir = tempDir('store')
        const file = join(dir, 'rustavi.db')
        const db = openDatabase(file, { migrationsFolder })
        const write = createWritePath(db, { derivedIndexes: [propertySearchIndex], now: () => now })
        console.log(`\n(generating the ${formatCount(objects)}-object demo store in ${dir} ...)`)
        const start = performance.now()
        seedTerritorialUnits(db, now)
        seedDemoProperty(db, { objects, today: now, seed })
        const generationMs = since(start)
        console.log(`(generated in ${formatMs(generationMs)})`)
        store = { dir, file, db, write, today: isoDateInTbilisi(now.getTime()), generationMs }
      }
      return store
    },
    close() {
      store?.db.$client.close()
      if (!process.env.BENCH_KEEP) rmSync(root, { recursive: true, force: true })
      else console.log(`\n(kept ${root}; reuse its store with BENCH_STORE=${store?.dir ?? '<store folder>'})`)
    },
  }
}
