import { createContext } from './context'
import { generateBenchmark } from './generate'
import { listPageBenchmark } from './listPage'
import { localWriteBenchmark } from './localWrite'
import { rendererInteractiveBenchmark, rendererSizeBenchmark } from './renderer'
import { sanitationBankImportBenchmark } from './sanitation/bankImport'
import { sanitationBillingBenchmark } from './sanitation/billingRun'
import { sanitationPayerListBenchmark } from './sanitation/payerList'
import { searchAsYouTypeBenchmark } from './searchAsYouType'
import type { Outcome } from './stats'
import { syncBootstrapBenchmark } from './sync/bootstrap'
import { syncCatchupBenchmark } from './sync/catchup'
import { syncThroughputBenchmark } from './sync/throughput'
import { syncVisibleBenchmark } from './sync/visible'

/**
 * `npm run bench [name]` (or `npx tsx bench/run.ts [name]`): runs every benchmark, or the one named,
 * on one generated store. Each prints its figure, its target and a raw better-sqlite3 baseline.
 * BENCH_OBJECTS (default 100000) sizes the store; BENCH_KEEP=1 keeps the temp folder.
 */
const benchmarks = {
  generate: generateBenchmark,
  write: localWriteBenchmark,
  search: searchAsYouTypeBenchmark,
  page: listPageBenchmark,
  'renderer-size': () => rendererSizeBenchmark(),
  'renderer-interactive': rendererInteractiveBenchmark,
  'sync-bootstrap': syncBootstrapBenchmark,
  'sync-visible': syncVisibleBenchmark,
  'sync-throughput': syncThroughputBenchmark,
  'sync-catchup': syncCatchupBenchmark,
  'sanitation-billing': sanitationBillingBenchmark,
  'sanitation-bank': sanitationBankImportBenchmark,
  'sanitation-list': sanitationPayerListBenchmark,
} as const satisfies Record<string, (ctx: ReturnType<typeof createContext>) => Outcome | Promise<Outcome>>

type Name = keyof typeof benchmarks

const wanted = process.argv.slice(2)
const unknown = wanted.filter((w) => !(w in benchmarks))
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from: ${Object.keys(benchmarks).join(', ')}`)
  process.exit(2)
}
const names = (wanted.length > 0 ? wanted : Object.keys(benchmarks)) as Name[]

const ctx = createContext()
console.log(
  `Rustavi benchmarks: ${names.join(', ')} | ${ctx.objects.toLocaleString('en-US')} objects, seed ${ctx.seed}, node ${process.version}`,
)
const outcomes: Outcome[] = []
try {
  for (const name of names) outcomes.push(await benchmarks[name](ctx))
} finally {
  ctx.close()
}
console.log('\nSummary')
for (const o of outcomes) {
  const status = 'skipped' in o ? 'skipped' : o.met ? 'met' : 'MISSED'
  console.log(`   ${status.padEnd(8)} ${o.name}`)
}
