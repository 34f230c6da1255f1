import { parseArgs } from 'node:util'
import { demoSanitationSize } from '../domain/sanitation/demoIds'

export interface ServerCliOptions {
  dataDir: string
  port: number
  host: string
  demo: boolean
  demoObjects: number
  /** Households of the demo sanitation registry (a tenth as many organisations). */
  demoPayers: number
  /** PostgreSQL instead of embedded PGlite. */
  databaseUrl: string | null
  logLevel: string
  trustProxy: boolean
  /** The database was just restored from a backup: rotate the generation before serving. */
  afterRestore: boolean
}

export const usage = `Usage: npm run server -- [--data-dir DIR] [--port N] [--host ADDRESS] [--demo] [--demo-objects N] [--demo-payers N] [--after-restore]
  --data-dir  the embedded database and the demo enrolment code (default .data/server)
  --port      default 4700; 0 picks a free port
  --host      default 127.0.0.1
  --demo      on an empty database: demo users, a reusable enrolment code and the demo property and sanitation registries
  --demo-objects  property objects of the demo registry (default 2500)
  --demo-payers   households of the demo sanitation registry, plus a tenth as many organisations (default 30000: the city)
  --after-restore  once, on the first start after the database was restored from a backup (server/README.md)
Environment: DATABASE_URL (use PostgreSQL), LOG_LEVEL (default info), TRUST_PROXY=1 (behind a load balancer)`

/** The command line of `npm run server`; throws with a message (and the usage) on a bad one. */
export function parseServerCli(argv: readonly string[], env: NodeJS.ProcessEnv): ServerCliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'data-dir': { type: 'string', default: '.data/server' },
      port: { type: 'string', default: '4700' },
      host: { type: 'string', default: '127.0.0.1' },
      demo: { type: 'boolean', default: false },
      'demo-objects': { type: 'string', default: '2500' },
      'after-restore': { type: 'boolean', default: false },
      'demo-payers': { type: 'string', default: String(demoSanitationSize.households) },
    },
    strict: true,
    allowPositionals: false,
  })
  const port = Number(values.port)
  if (!/^\d{1,5}$/.test(values.port) || port > 65_535) throw new Error(`--port must be 0..65535\n${usage}`)
  if (!/^\d{1,7}$/.test(values['demo-objects']))
    throw new Error(`--demo-objects must be a whole number\n${usage}`)
  if (!/^\d{1,7}$/.test(values['demo-payers']))
    throw new Error(`--demo-payers must be a whole number\n${usage}`)
  if (values['data-dir'].length === 0) throw new Error(`--data-dir must not be empty\n${usage}`)
  return {
    dataDir: values['data-dir'],
    port,
    host: values.host,
    demo: values.demo,
    demoObjects: Number(values['demo-objects']),
    demoPayers: Number(values['demo-payers']),
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    afterRestore: values['after-restore'],
  }
}
