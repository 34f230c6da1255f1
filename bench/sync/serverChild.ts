import { openPglite } from '../../server/db/openPglite'
import { openPostgres } from '../../server/db/openPostgres'
import { startServer } from '../../server/startServer'

// The central server as its own process for the sync benchmarks, as in production: a PC and its
// server never share an event loop. BENCH_DATABASE_URL selects PostgreSQL, BENCH_PGLITE_DIR the
// embedded PGlite; it prints its URL and serves until SIGTERM.

const url = process.env.BENCH_DATABASE_URL
const dir = process.env.BENCH_PGLITE_DIR
const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 10)
const database = url ? await openPostgres(url, { poolSize }) : await openPglite(dir)
const server = await startServer({ database, port: 0, app: { logLevel: 'warn' } })
console.log(`bench server listening on ${server.url}`)
process.on('SIGTERM', () => {
  void (async () => {
    server.app.server.closeAllConnections()
    await server.stop().catch(() => {})
    await database.close().catch(() => {})
    process.exit(0)
  })()
})
