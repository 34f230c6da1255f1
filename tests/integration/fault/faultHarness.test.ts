import { afterAll, describe, expect, it } from 'vitest'
import { removeCompiledEntries } from '../../fault/compiledEntries'
import { runFaultRun } from '../../fault/faultRun'
import { stopSharedCluster } from '../../fault/postgresServerNode'

// The short run of the sync fault harness (tests/fault/): three PCs as child processes, a server
// child process, a faulty network, kill -9 of PCs and of the server, clocks up to a day off. A new
// seed each time (FAULT_SEED=<n> replays one); a failure prints the seed and the command that
// replays it. `npm run soak` runs a thousand of these.

const seed = process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) : Math.floor(Math.random() * 2 ** 31)

describe('the sync fault harness, short run', () => {
  afterAll(async () => {
    await stopSharedCluster()
    removeCompiledEntries()
  })

  it(`keeps every invariant through crashes, partitions and a bad network (seed ${seed}, server on ${seed % 2 ? 'PostgreSQL' : 'PGlite'})`, async () => {
    // The server on embedded PGlite for even seeds, on PostgreSQL for odd ones.
    const result = await runFaultRun({
      seed,
      pcs: 3,
      steps: 30,
      serverEngine: seed % 2 ? 'postgres' : 'pglite',
    })
    const report = [
      `seed ${seed}; re-run with: ${result.rerun}`,
      ...(result.error ? [`error: ${result.error}`] : []),
      ...(result.check?.violations ?? []).slice(0, 20).map((v) => `${v.kind}: ${v.detail}`),
      ...(result.ok ? [] : [`stores kept in ${result.workDir}`]),
    ].join('\n')
    expect(result.error, report).toBeNull()
    expect(result.check?.violations, report).toEqual([])
    // The run did what it is for: clerks saved, and the PCs went quiet after healing.
    expect(result.check!.counts.acked, report).toBeGreaterThan(10)
    expect(result.healPasses).toBeGreaterThan(0)
  }, 120_000)
})
