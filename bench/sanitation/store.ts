import { copyFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Db } from '../../db/database'
import { openDatabase } from '../../db/openDatabase'
import { sanitationAccountIndex } from '../../db/sanitation/accountSummary'
import { sanitationSearchIndex } from '../../db/sanitation/searchIndex'
import { createWritePath, type WritePath } from '../../db/writePath'
import { isoDateInTbilisi } from '../../domain/georgian/dates'
import { seedDemoSanitation } from '../../electron/backend/seed/demoSanitation'
import { seedTerritorialUnits } from '../../electron/backend/seed/territorialUnits'
import { type BenchContext, migrationsFolder } from '../context'
import { formatCount, formatMs, since } from '../stats'

/** Payers of the sanitation benchmarks' store (BENCH_PAYERS, default 50,000; a tenth organisations). */
export const benchPayers = () => Number(process.env.BENCH_PAYERS ?? 50_000)

export interface SanitationStore {
  db: Db
  write: WritePath
  file: string
  today: string
  now: Date
  /** Closes the copy and removes it. */
  dispose(): void
}

const templates = new WeakMap<BenchContext, { file: string; now: Date }>()

/** The generated store of the sanitation benchmarks: a year of the demo city, at 50,000 payers. */
function template(ctx: BenchContext): { file: string; now: Date } {
  let t = templates.get(ctx)
  if (!t) {
    const payers = benchPayers()
    const organisations = Math.round(payers / 11)
    const file = join(ctx.tempDir('sanitation'), 'rustavi.db')
    const db = openDatabase(file, { migrationsFolder })
    console.log(
      `\n(generating the ${formatCount(payers)}-payer sanitation store: a year of charges and payments ...)`,
    )
    const start = performance.now()
    seedTerritorialUnits(db, ctx.now)
    const rows = seedDemoSanitation(db, { households: payers - organisations, organisations, today: ctx.now })
    console.log(`(${formatCount(rows)} rows in ${formatMs(since(start))})`)
    db.$client.pragma('wal_checkpoint(TRUNCATE)')
    db.$client.close()
    t = { file, now: ctx.now }
    templates.set(ctx, t)
  }
  return t
}

/** A fresh copy of the generated store (its writes do not reach the next round), wired as the app wires it. */
export function sanitationStore(ctx: BenchContext): SanitationStore {
  const t = template(ctx)
  const file = join(ctx.tempDir('sanitation-copy'), 'rustavi.db')
  copyFileSync(t.file, file)
  const db = openDatabase(file, { migrationsFolder })
  const write = createWritePath(db, {
    derivedIndexes: [sanitationSearchIndex, sanitationAccountIndex],
    now: () => t.now,
  })
  const dispose = () => {
    db.$client.close()
    rmSync(dirname(file), { recursive: true, force: true })
  }
  return { db, write, file, today: isoDateInTbilisi(t.now.getTime()), now: t.now, dispose }
}
