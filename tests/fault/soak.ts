import { parseArgs } from 'node:util'
import v8 from 'node:v8'
import { type FaultRunResult, runFaultRun } from './faultRun'

// `npm run soak`: many randomized fault runs (1,000 by default), one seed each, printing every
// failing seed with the one-line command that replays it, and at the end the count of runs,
// divergences and losses. `--seed S --runs 1` replays one run; the exit code is 1 on any failure.
// `--jobs N` runs N at once: a run waits on its processes' timers about half its time, so on 2
// cores 3 at once keep the CPU busy.

// The harness opens each PGlite run's server database once, to read it for the checker: V8's
// optimising tier recompiled PostgreSQL's WebAssembly for that every time (0.6 of 1.85 s of CPU).
// Set before the first PGlite opens; the servers get the same flag (./compiledEntries.ts).
v8.setFlagsFromString('--liftoff-only')

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    pcs: { type: 'string', default: '3' },
    steps: { type: 'string', default: '60' },
    'no-server-crashes': { type: 'boolean', default: false },
    'no-server-restores': { type: 'boolean', default: false },
    'no-pc-crashes': { type: 'boolean', default: false },
    engine: { type: 'string', default: 'both' },
    jobs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
  strict: true,
})

const runs = Number(values.runs)
const jobs = Number(values.jobs)
const firstSeed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed)
const engines = { pglite: ['pglite'], postgres: ['postgres'], both: ['pglite', 'postgres'] } as const
const engineChoice = engines[values.engine as keyof typeof engines]
if (
  !Number.isInteger(runs) ||
  runs < 1 ||
  !Number.isInteger(jobs) ||
  jobs < 1 ||
  !Number.isInteger(firstSeed) ||
  !engineChoice
) {
  console.error(
    'Usage: npm run soak -- [--runs N] [--seed S] [--pcs N] [--steps N] [--no-server-crashes] [--no-server-restores] [--no-pc-crashes] [--engine pglite|postgres|both] [--jobs N] [--keep] [--verbose]',
  )
  process.exit(2)
}

const totals = {
  runs: 0,
  failed: 0,
  divergences: 0,
  losses: 0,
  stuck: 0,
  missingConflicts: 0,
  spuriousConflicts: 0,
  duplicateNumbers: 0,
  errors: 0,
}
const failedSeeds: FaultRunResult[] = []
const started = Date.now()
let interrupted = false
process.on('SIGINT', () => {
  interrupted = true
  console.log('\nSIGINT: finishing the runs under way, then reporting')
})

/** Run `n`'s line, and for a failure its violations and the command that replays it. */
function report(n: number, result: FaultRunResult): void {
  totals.runs += 1
  const kinds = (kind: string) => result.check?.violations.filter((v) => v.kind === kind).length ?? 0
  totals.divergences += kinds('divergence')
  totals.losses += kinds('lost')
  totals.stuck += kinds('stuck')
  totals.missingConflicts += kinds('missingConflict')
  totals.spuriousConflicts += kinds('spuriousConflict')
  totals.duplicateNumbers += kinds('duplicateNumber')
  if (result.error) totals.errors += 1
  const c = result.check?.counts
  const reasons = Object.entries(result.check?.rejectReasons ?? {})
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ')
  const f = result.faults
  console.log(
    `run ${n + 1}/${runs} seed ${result.seed}: ${result.ok ? 'ok' : 'FAILED'} in ${(result.durationMs / 1000).toFixed(1)} s` +
      (c
        ? `; ${c.acked} saves (${c.applied} applied, ${c.conflicted} conflicted, ${c.rejected} refused${reasons ? `: ${reasons}` : ''}), ${c.conflicts} conflict records, ${c.numbers} numbers, ${c.forgotten} undone by restores`
        : '') +
      `; ${f.pcKills} PC kills, ${f.serverKills} server kills, ${f.serverRestores} server restores, ${f.partitions} partitions, ${f.restores} restores, ${f.network.requests} requests, ${f.network.droppedRequests + f.network.droppedResponses} drops, ${f.network.duplicated + f.network.replayed} duplicates; quiet after ${result.healPasses} passes`,
  )
  if (!result.ok) {
    totals.failed += 1
    failedSeeds.push(result)
    for (const v of result.check?.violations.slice(0, 20) ?? []) console.log(`  ${v.kind}: ${v.detail}`)
    if (result.error) console.log(`  error: ${result.error}`)
    console.log(`  stores kept in ${result.workDir}`)
    console.log(`  re-run: ${result.rerun}`)
  }
}

const run = (seed: number) =>
  runFaultRun({
    seed,
    pcs: Number(values.pcs),
    steps: Number(values.steps),
    serverCrashes: !values['no-server-crashes'],
    serverRestores: !values['no-server-restores'],
    pcCrashes: !values['no-pc-crashes'],
    keep: values.keep,
    serverTemplate: runs > 1,
    // Both engines: the embedded default on even seeds, PostgreSQL (production) on odd ones.
    serverEngine: engineChoice[seed % engineChoice.length],
    log: values.verbose
      ? (line) => console.log(jobs > 1 ? `  [seed ${seed}] ${line}` : `  ${line}`)
      : undefined,
  })

// `--jobs N` runs N at once. A run draws everything from its own seed and has its own folders, ports
// and databases, so its outcome does not depend on N; runs are taken and reported in seed order.
const finished: FaultRunResult[] = []
let taken = 0
let reported = 0
async function takeRuns(): Promise<void> {
  while (!interrupted && taken < runs) {
    const n = taken++
    finished[n] = await run(firstSeed + n)
    for (; finished[reported]; reported++) report(reported, finished[reported]!)
  }
}
await Promise.all(Array.from({ length: jobs }, takeRuns))

const minutes = ((Date.now() - started) / 60_000).toFixed(1)
console.log(
  `\nsoak: ${totals.runs} runs in ${minutes} min, ${totals.failed} failed; ` +
    `divergences ${totals.divergences}, losses ${totals.losses}, stuck ${totals.stuck}, ` +
    `missing conflicts ${totals.missingConflicts}, spurious conflicts ${totals.spuriousConflicts}, duplicate numbers ${totals.duplicateNumbers}, errors ${totals.errors}`,
)
for (const r of failedSeeds) console.log(`  failed seed ${r.seed}: ${r.rerun}`)
process.exit(totals.failed > 0 ? 1 : 0)
