import { resolve } from 'node:path'
import { parseServerCli, usage } from './cliOptions'
import { openPglite } from './db/openPglite'
import { openPostgres } from './db/openPostgres'
import { startServer } from './startServer'

/** Requests still running after this long at shutdown are cut off (an event stream never ends). */
const DRAIN_TIMEOUT_MS = 10_000

async function main(): Promise<void> {
  let options: ReturnType<typeof parseServerCli>
  try {
    options = parseServerCli(process.argv.slice(2), process.env)
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    console.error(usage)
    process.exit(2)
  }
  const dataDir = resolve(options.dataDir)
  const database = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(dataDir)
  const server = await startServer({
    database,
    host: options.host,
    port: options.port,
    app: { logLevel: options.logLevel, trustProxy: options.trustProxy },
    demoDataDir: options.demo ? dataDir : undefined,
    demoObjects: options.demoObjects,
    afterRestore: options.afterRestore,
    demoPayers: options.demoPayers,
  }).catch(async (error: unknown) => {
    await database.close()
    throw error
  })

  if (options.afterRestore)
    console.log(`After a restore: new generation ${server.generation}; every PC will send its changes again`)
  if (server.demoCode)
    console.log(`Demo enrolment code: ${server.demoCode} (also in ${dataDir}/demo-enrolment-code)`)
  else if (options.demo) console.log('--demo: the database already has users, so no demo data was added')
  // Signal handlers first: a launcher that sees the line below may stop the server at once.
  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: finishing requests in flight, then stopping`)
    const cutOff = setTimeout(() => server.app.server.closeAllConnections(), DRAIN_TIMEOUT_MS)
    try {
      await server.stop()
      await database.close()
      process.exit(0)
    } catch (error) {
      console.error('Shutdown failed:', error)
      process.exit(1)
    } finally {
      clearTimeout(cutOff)
    }
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  // Printed last: a launcher waiting for this line may use everything above it.
  const where = options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${dataDir}`
  console.log(
    `Rustavi server listening on ${server.url} (database: ${where}, generation ${server.generation})`,
  )
}

main().catch((error: unknown) => {
  console.error('The server could not start:', error)
  process.exit(1)
})
