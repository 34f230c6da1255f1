import { mkdirSync } from 'node:fs'
import { demoSanitationSize } from '../domain/sanitation/demoIds'
import { type AppOptions, buildApp, type ServerApp } from './app'
import type { ServerContext } from './context'
import { createServerContext } from './createContext'
import type { ServerDatabase } from './db/serverDatabase'
import { ensureServerGeneration } from './db/serverMeta'
import { rotateGeneration } from './restore/rotateGeneration'
import { seedDemo } from './seed/demo'
import { seedDemoProperty } from './seed/demoProperty'
import { seedDemoSanitation } from './seed/demoSanitation'
import { seedReferenceData } from './seed/referenceData'
import { seedSanitationReference } from './seed/sanitationReference'
import { pruneChangeLog } from './sync/changeLog'

const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000

export interface StartServerOptions {
  database: ServerDatabase
  host?: string
  /** 0 picks a free port. */
  port?: number
  app?: AppOptions
  now?: () => Date
  /** Seed the demo users and enrolment code (empty database only), writing the code here. */
  demoDataDir?: string
  /** With demoDataDir: property objects of the demo municipality (default 2,500; empty registry only). */
  demoObjects?: number
  /**
   * The database was just restored from a backup (server/README.md, "Restoring from a backup"): a new
   * generation before any PC is served, so every PC sends again what the backup lacks.
   */
  afterRestore?: boolean
  /** With demoDataDir: households of the demo sanitation registry, and a tenth as many organisations. */
  demoPayers?: number
}

export interface RunningServer {
  url: string
  app: ServerApp
  ctx: ServerContext
  generation: string
  demoCode: string | null
  /** Stops accepting, lets requests in flight finish, stops listening for pokes. The database stays open. */
  stop(): Promise<void>
}

/** Prepares the database (generation, demo data) and serves the app on `host:port`. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const handle = await createServerContext(options.database, { now: options.now })
  const { ctx } = handle
  try {
    let generation = await ensureServerGeneration(ctx.db, ctx.now())
    if (options.afterRestore) generation = (await rotateGeneration(ctx.db, ctx.now())).generation
    // Rustavi's territorial units are reference data every deployment starts with.
    await seedReferenceData(ctx)
    // The sanitation registry's categories, bands and bank formats, which its head edits from then on.
    await seedSanitationReference(ctx)
    let demoCode: string | null = null
    if (options.demoDataDir !== undefined) {
      mkdirSync(options.demoDataDir, { recursive: true })
      demoCode = await seedDemo(ctx, options.demoDataDir)
      await seedDemoProperty(ctx, { objects: options.demoObjects ?? 2_500 })
      const households = options.demoPayers ?? demoSanitationSize.households
      await seedDemoSanitation(ctx, { households, organisations: Math.round(households / 10) })
    }
    const app = await buildApp(ctx, options.app)
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('The server has no TCP address')
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
    // The change log keeps 180 days; older cursors resnapshot. Pruned daily, and once at start.
    const prune = () =>
      pruneChangeLog(ctx.db, ctx.now()).catch((error: unknown) => app.log.error({ error }, 'pruning failed'))
    void prune()
    const pruning = setInterval(prune, PRUNE_EVERY_MS)
    pruning.unref()
    return {
      url: `http://${host}:${address.port}`,
      app,
      ctx,
      generation,
      demoCode,
      async stop() {
        clearInterval(pruning)
        await app.close()
        await handle.close()
      },
    }
  } catch (error) {
    await handle.close()
    throw error
  }
}
