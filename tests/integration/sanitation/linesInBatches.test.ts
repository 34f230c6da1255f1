import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../db/database'
import { openDatabase } from '../../../db/openDatabase'
import { rebuildAccounts, sanitationAccountIndex } from '../../../db/sanitation/accountSummary'
import { completeAmnesty, grantAmnesty, storedAmnesty } from '../../../db/sanitation/amnestyGrant'
import { plannedAmnesty } from '../../../db/sanitation/relief'
import { sanitationSearchIndex } from '../../../db/sanitation/searchIndex'
import { adoptTariffVersion, completeCorrections } from '../../../db/sanitation/tariffAdoption'
import { plannedCorrections, tariffVersionViews } from '../../../db/sanitation/tariffVersions'
import { createWritePath, type WritePath } from '../../../db/writePath'
import type { AmnestyFields, TariffVersionFields } from '../../../domain/sanitation/schemas'
import { seedDemoSanitation } from '../../../electron/backend/seed/demoSanitation'
import { seedTerritorialUnits } from '../../../electron/backend/seed/territorialUnits'
import { migrationsFolder, tempDir } from '../../support/tempStore'

// An amnesty's lines and a tariff version's corrections written in batches on real SQLite files:
// a write stopped after its first batch (by the head, or by the app dying inside a batch) and then
// completed leaves exactly the lines of one uninterrupted write, and completing again adds nothing.

const now = new Date('2026-03-15T08:00:00Z')
const today = '2026-03-15'
const head = { userId: 'u-head', userName: 'გიორგი მამულაშვილი' }
const amnesty: AmnestyFields = {
  fromPeriod: '2025-04',
  toPeriod: '2025-06',
  coverage: 'all',
  legalActNumber: '31',
  legalActDate: '2026-03-01',
  legalActKind: 'resolution',
  reason: 'წყალდიდობის შემდეგ',
}
const BATCH = 60

interface Store {
  db: Db
  write: WritePath
  /** Write-path calls so far. */
  calls: () => number
  /** The next write-path call number `n` throws before it writes (the app dies in that batch). */
  failOnCall: (n: number) => void
}

describe('lines written in batches', () => {
  let folder: ReturnType<typeof tempDir>
  let stores: Db[]
  /** Two copies of one seeded city: the interrupted write on one, the uninterrupted on the other. */
  const open = (name: string): Store => {
    const file = join(folder.dir, `${name}.db`)
    copyFileSync(join(folder.dir, 'seeded.db'), file)
    const db = openDatabase(file, { migrationsFolder })
    stores.push(db)
    const inner = createWritePath(db, {
      derivedIndexes: [sanitationSearchIndex, sanitationAccountIndex],
      now: () => now,
    })
    let calls = 0
    let failAt = 0
    const write: WritePath = (actor, changes) => {
      calls += 1
      if (calls === failAt) throw new Error('the PC lost power')
      return inner(actor, changes)
    }
    return { db, write, calls: () => calls, failOnCall: (n) => (failAt = n) }
  }
  const all = (db: Db, sql: string, ...args: unknown[]) =>
    db.$client.prepare(sql).all(...args) as Record<string, unknown>[]
  /** A record's lines, each as written, its record's id (in the key and the reference) made neutral. */
  const linesOf = (db: Db, column: 'amnesty_id' | 'tariff_version_id', id: string) =>
    all(
      db,
      `SELECT payer_id, period, kind, amount_tetri, rate_code, rate_tetri, quantity_hundredths, registered_members,
         relief_percent, exemption_id, legal_basis, billing_run_id, related_line_id, issued_on,
         replace(line_key, ?, '<record>') AS line_key
       FROM sanitation_charge_line WHERE ${column} = ? ORDER BY line_key`,
      id,
      id,
    )
  const noKeyTwice = (db: Db) =>
    all(db, 'SELECT line_key FROM sanitation_charge_line GROUP BY line_key HAVING count(*) > 1')
  const accountsExact = (db: Db) => {
    const kept = all(db, 'SELECT * FROM sanitation_payer_account ORDER BY payer_id')
    rebuildAccounts(db.$client)
    expect(kept).toEqual(all(db, 'SELECT * FROM sanitation_payer_account ORDER BY payer_id'))
  }

  beforeEach(() => {
    folder = tempDir()
    stores = []
    const db = openDatabase(join(folder.dir, 'seeded.db'), { migrationsFolder })
    seedTerritorialUnits(db, now)
    seedDemoSanitation(db, { households: 180, organisations: 20, today: now })
    db.$client.pragma('wal_checkpoint(TRUNCATE)')
    db.$client.close()
  })
  afterEach(() => {
    for (const db of stores) db.$client.close()
    folder.remove()
  })

  it('an amnesty stopped after its first batch, then completed, has the lines of one uninterrupted grant', async () => {
    const whole = open('whole')
    const granted = await grantAmnesty(whole.db, whole.write, head, amnesty, today, { batchSize: BATCH })
    expect(granted.lineCount).toBeGreaterThan(3 * BATCH)
    expect(storedAmnesty(whole.db, granted.id)).toMatchObject({
      state: 'granted',
      lineCount: granted.lineCount,
    })

    const parts = open('parts')
    const progress: number[] = []
    const stopped = await grantAmnesty(parts.db, parts.write, head, amnesty, today, {
      batchSize: BATCH,
      onProgress: (p) => progress.push(p.doneLines),
      cancelled: () => progress.length >= 1,
    })
    expect(progress).toEqual([BATCH])
    const half = storedAmnesty(parts.db, stopped.id)!
    // The row counts exactly what is written, and says the grant is not whole.
    expect(half).toMatchObject({ state: 'granting', lineCount: BATCH })
    expect(half.totalTetri).toBe(
      all(
        parts.db,
        'SELECT sum(amount_tetri) AS s FROM sanitation_charge_line WHERE amnesty_id = ?',
        stopped.id,
      )[0]!.s,
    )

    const rest = await completeAmnesty(parts.db, parts.write, head, stopped.id, today, { batchSize: BATCH })
    expect(rest.lineCount).toBe(granted.lineCount - BATCH)
    expect(storedAmnesty(parts.db, stopped.id)).toMatchObject({
      state: 'granted',
      lineCount: granted.lineCount,
      totalTetri: storedAmnesty(whole.db, granted.id)!.totalTetri,
    })
    expect(linesOf(parts.db, 'amnesty_id', stopped.id)).toEqual(linesOf(whole.db, 'amnesty_id', granted.id))
    expect(noKeyTwice(parts.db)).toEqual([])
    accountsExact(parts.db)

    // Completing again is refused and would add nothing: every covered period is forgiven once.
    await expect(completeAmnesty(parts.db, parts.write, head, stopped.id, today)).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    expect(plannedAmnesty(parts.db, storedAmnesty(parts.db, stopped.id)!, today).lines).toEqual([])
  })

  it('an amnesty whose PC died inside a batch keeps the batches before it whole, and completing it adds only what is missing', async () => {
    const whole = open('whole')
    const granted = await grantAmnesty(whole.db, whole.write, head, amnesty, today, { batchSize: BATCH })

    const parts = open('parts')
    // Call 1 writes the amnesty, 2 and 3 its first batches; the 4th dies before it commits.
    parts.failOnCall(parts.calls() + 4)
    const started: string[] = []
    await expect(
      grantAmnesty(parts.db, parts.write, head, amnesty, today, {
        batchSize: BATCH,
        onStart: (s) => started.push(s.recordId),
      }),
    ).rejects.toThrow('the PC lost power')
    const id = started[0]!
    expect(storedAmnesty(parts.db, id)).toMatchObject({ state: 'granting', lineCount: 2 * BATCH })
    expect(linesOf(parts.db, 'amnesty_id', id)).toHaveLength(2 * BATCH)

    await completeAmnesty(parts.db, parts.write, head, id, today, { batchSize: 1000 })
    expect(linesOf(parts.db, 'amnesty_id', id)).toEqual(linesOf(whole.db, 'amnesty_id', granted.id))
    expect(storedAmnesty(parts.db, id)).toMatchObject({ state: 'granted', lineCount: granted.lineCount })
    expect(noKeyTwice(parts.db)).toEqual([])
    accountsExact(parts.db)
  })

  it('a retroactive tariff version stopped after its first batch of corrections, then completed, corrects each charge once', async () => {
    const amendment = (db: Db): TariffVersionFields => {
      const current = tariffVersionViews(db)[0]!
      return {
        resolutionNumber: '9',
        resolutionDate: '2026-02-20',
        effectiveFrom: '2025-10-01',
        effectiveTo: null,
        householdRateTetri: current.householdRateTetri + 10,
        memberCap: current.memberCap,
        amendsVersionId: current.id,
        note: '',
        bandRates: current.bandRates,
        activityRates: current.activityRates,
      }
    }
    const whole = open('whole')
    const adopted = await adoptTariffVersion(whole.db, whole.write, head, amendment(whole.db), today, {
      batchSize: BATCH,
    })
    expect(adopted.lineCount).toBeGreaterThan(3 * BATCH)
    expect(tariffVersionViews(whole.db).find((v) => v.id === adopted.id)).toMatchObject({
      correctionsState: 'issued',
      correctionCount: adopted.lineCount,
      correctionTetri: adopted.totalTetri,
    })

    const parts = open('parts')
    const progress: number[] = []
    const stopped = await adoptTariffVersion(parts.db, parts.write, head, amendment(parts.db), today, {
      batchSize: BATCH,
      onProgress: (p) => progress.push(p.doneLines),
      cancelled: () => progress.length >= 1,
    })
    const version = () => tariffVersionViews(parts.db).find((v) => v.id === stopped.id)!
    // In force with its rates whole; its corrections counted as far as they are written.
    expect(version()).toMatchObject({ correctionsState: 'issuing', correctionCount: BATCH })
    expect(version().bandRates).toEqual(amendment(whole.db).bandRates)

    const rest = await completeCorrections(parts.db, parts.write, head, stopped.id, today, {
      batchSize: BATCH,
    })
    expect(rest.lineCount).toBe(adopted.lineCount - BATCH)
    expect(version()).toMatchObject({
      correctionsState: 'issued',
      correctionCount: adopted.lineCount,
      correctionTetri: adopted.totalTetri,
    })
    const partsLines = linesOf(parts.db, 'tariff_version_id', stopped.id)
    // The charges corrected are the seeded ones: the same rows, under the same ids, in both copies.
    expect(partsLines).toHaveLength(adopted.lineCount)
    expect(partsLines).toEqual(linesOf(whole.db, 'tariff_version_id', adopted.id))
    expect(noKeyTwice(parts.db)).toEqual([])
    accountsExact(parts.db)

    await expect(completeCorrections(parts.db, parts.write, head, stopped.id, today)).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    const {
      id: _id,
      version: _v,
      correctionsState: _s,
      correctionCount: _c,
      correctionTetri: _t,
      ...fields
    } = version()
    expect(plannedCorrections(parts.db, stopped.id, fields, today).lines).toEqual([])
  })
})
