import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ensureAccountsCurrent,
  rebuildAccounts,
  sanitationAccountIndex,
} from '../../../db/sanitation/accountSummary'
import { billingRuns, previewBilling, reverseBillingRun, runBilling } from '../../../db/sanitation/billingRun'
import { sanitationSearchIndex } from '../../../db/sanitation/searchIndex'
import { createWritePath, type WritePath } from '../../../db/writePath'
import { seedDemoSanitation } from '../../../electron/backend/seed/demoSanitation'
import { seedTerritorialUnits } from '../../../electron/backend/seed/territorialUnits'
import { tempStore } from '../../support/tempStore'

// The billing run on a real SQLite file: batches, progress, a cancel between batches, a re-run that
// finishes what a cancelled run left, and the per-payer account summaries staying exact throughout.

const now = new Date('2026-03-15T08:00:00Z')
const head = { userId: 'u-head', userName: 'გიორგი მამულაშვილი' }
const scope = { period: '2026-03', territorialUnitId: null }

describe('the billing run', () => {
  let store: ReturnType<typeof tempStore>
  let write: WritePath
  const client = () => store.db.$client
  const count = (sql: string, ...args: unknown[]) =>
    client()
      .prepare(sql)
      .pluck()
      .get(...args) as number
  /** The summary table as the write path kept it, against the same table computed from scratch. */
  const summariesExact = () => {
    const kept = client().prepare('SELECT * FROM sanitation_payer_account ORDER BY payer_id').all()
    rebuildAccounts(client())
    return {
      kept,
      rebuilt: client().prepare('SELECT * FROM sanitation_payer_account ORDER BY payer_id').all(),
    }
  }

  beforeEach(() => {
    store = tempStore(() => now)
    seedTerritorialUnits(store.db, now)
    seedDemoSanitation(store.db, { households: 280, organisations: 20, today: now })
    write = createWritePath(store.db, {
      derivedIndexes: [sanitationSearchIndex, sanitationAccountIndex],
      now: () => now,
    })
  })
  afterEach(() => store.close())

  it('reports progress per batch, stops between batches when cancelled, and a re-run finishes without a double charge', async () => {
    const preview = previewBilling(store.db, scope, '2026-03-15')
    expect(preview.newLines).toBeGreaterThan(200)
    const progress: number[] = []
    const cancelled = await runBilling(store.db, write, head, scope, () => now, {
      batchSize: 50,
      onProgress: (p) => progress.push(p.doneLines),
      cancelled: () => progress.length >= 2,
    })
    expect(progress).toEqual([50, 100])
    expect(cancelled).toMatchObject({ state: 'cancelled', lineCount: 100 })
    expect(count("SELECT count(*) FROM sanitation_charge_line WHERE period = '2026-03'")).toBe(100)

    const rest = await runBilling(store.db, write, head, scope, () => now, { batchSize: 80 })
    expect(rest).toMatchObject({ state: 'completed', lineCount: preview.newLines - 100 })
    expect(rest.totalTetri + cancelled.totalTetri).toBe(preview.newTetri)
    // One charge per payer and period, whatever the runs.
    expect(
      count(
        "SELECT count(*) FROM (SELECT payer_id FROM sanitation_charge_line WHERE period = '2026-03' GROUP BY payer_id HAVING count(*) > 1)",
      ),
    ).toBe(0)
    const runs = billingRuns(store.db, '2026-03')
    expect(runs.map((r) => r.state).sort()).toEqual(['cancelled', 'completed'])
    expect(runs.reduce((s, r) => s + r.totalTetri, 0)).toBe(preview.newTetri)
    const { kept, rebuilt } = summariesExact()
    expect(kept).toEqual(rebuilt)
  })

  it('reverses a run whole: its lines net to zero, the accounts return to where they were, the run records who and why', async () => {
    const balance = () => count('SELECT sum(balance_tetri) FROM sanitation_payer_account')
    const before = balance()
    const run = await runBilling(store.db, write, head, scope, () => now)
    expect(balance() - before).toBe(run.totalTetri)
    const reversal = await reverseBillingRun(
      store.db,
      write,
      head,
      { billingRunId: run.billingRunId!, reason: 'ტარიფი შეიცვალა' },
      () => now,
    )
    expect(reversal).toEqual({ lineCount: run.lineCount, totalTetri: -run.totalTetri })
    expect(balance()).toBe(before)
    expect(count("SELECT sum(amount_tetri) FROM sanitation_charge_line WHERE period = '2026-03'")).toBe(0)
    const history = client()
      .prepare("SELECT changes FROM record_history WHERE row_id = ? AND op = 'update' ORDER BY hlc")
      .pluck()
      .all(run.billingRunId) as string[]
    expect(JSON.parse(history.at(-1)!)).toEqual(
      expect.arrayContaining([
        { field: 'state', from: 'completed', to: 'reversed' },
        { field: 'reversalReason', from: '', to: 'ტარიფი შეიცვალა' },
      ]),
    )
    const { kept, rebuilt } = summariesExact()
    expect(kept).toEqual(rebuilt)
  })

  it('keeps arrears exact when a month becomes overdue and after payments', async () => {
    await runBilling(store.db, write, head, scope, () => now)
    const payer = client()
      .prepare('SELECT payer_id FROM sanitation_payer_account ORDER BY arrears_tetri DESC LIMIT 1')
      .pluck()
      .get()
    write(head, [
      {
        op: 'insert',
        entity: 'sanitationPayment',
        subjectId: String(payer),
        values: {
          payerId: payer,
          channel: 'counter',
          amountTetri: 333,
          paidOn: '2026-03-15',
          receiptNumber: 'ქვ-2026-000001',
          bankReference: null,
          bankImportLineId: null,
          note: '',
        },
      },
    ])
    let { kept, rebuilt } = summariesExact()
    expect(kept).toEqual(rebuilt)
    // In April, March is overdue: the whole table is computed again for the new cutoff.
    const arrearsMarch = count('SELECT sum(arrears_tetri) FROM sanitation_payer_account')
    ensureAccountsCurrent(client(), '2026-04-02', 0)
    expect(count('SELECT sum(arrears_tetri) FROM sanitation_payer_account')).toBeGreaterThan(arrearsMarch)
    ;({ kept, rebuilt } = summariesExact())
    expect(kept).toEqual(rebuilt)
  })
})
