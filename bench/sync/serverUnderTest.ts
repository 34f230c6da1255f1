import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { ServerContext } from '../../server/context'
import { createServerContext } from '../../server/createContext'
import { openPglite } from '../../server/db/openPglite'
import { openPostgres } from '../../server/db/openPostgres'
import type { ServerDatabase } from '../../server/db/serverDatabase'
import { ensureServerGeneration } from '../../server/db/serverMeta'
import { seedDemo } from '../../server/seed/demo'
import { seedReferenceData } from '../../server/seed/referenceData'
import { repoRoot } from '../context'
import type { BenchCluster } from './postgresCluster'

export type Engine = 'postgres' | 'pglite'

/** A prepared server database: demo users, the reference scope, and whatever the benchmark loads. */
export interface PreparedDatabase {
  engine: Engine
  database: ServerDatabase
  ctx: ServerContext
  demoCode: string
  /** How a server process finds it. */
  env: Record<string, string>
  /** Closes this process's handle (PGlite must be closed before a server process opens it). */
  close(): Promise<void>
}

let databases = 0

export async function prepareDatabase(
  engine: Engine,
  dir: string,
  cluster: BenchCluster | null,
  now: Date,
): Promise<PreparedDatabase> {
  let database: ServerDatabase
  let env: Record<string, string>
  if (engine === 'postgres') {
    if (!cluster) throw new Error('PostgreSQL is not available')
    const url = await cluster.createDatabase(`bench_${process.pid}_${++databases}`)
    database = await openPostgres(url)
    env = { BENCH_DATABASE_URL: url }
  } else {
    const dataDir = join(dir, 'pglite')
    database = await openPglite(dataDir)
    env = { BENCH_PGLITE_DIR: dataDir }
  }
  const handle = await createServerContext(database, { now: () => now })
  await ensureServerGeneration(handle.ctx.db, now)
  const demoCode = await seedDemo(handle.ctx, dir)
  if (!demoCode) throw new Error('The demo enrolment code was not made')
  await seedReferenceData(handle.ctx)
  return {
    engine,
    database,
    ctx: handle.ctx,
    demoCode,
    env,
    async close() {
      await handle.close()
      await database.close()
    },
  }
}

export interface ServerProcess {
  url: string
  pid: number
  stop(): Promise<void>
}

/**
 * bench/sync/serverChild.ts as a child process over a prepared database. With BENCH_PROF=<folder> it
 * runs with --cpu-prof and its profile lands in that folder when it stops.
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const args = ['--import', 'tsx', 'bench/sync/serverChild.ts']
  if (process.env.BENCH_PROF) args.unshift('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`)
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`The server did not start within 120 s:\n${output}`))
    }, 120_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1] && child.pid !== undefined) {
        clearTimeout(timer)
        resolve({
          url: match[1],
          pid: child.pid,
          async stop() {
            child.kill('SIGTERM')
            const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
            await exited
            clearTimeout(killer)
          },
        })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      onData(chunk)
      // Warnings of the server while it runs are worth seeing beside the figures.
      if (/listening on/.test(output)) process.stderr.write(`   [server] ${chunk.toString('utf8')}`)
    })
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`The server exited before it started:\n${output}`))
    })
  })
}
