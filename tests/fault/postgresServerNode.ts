import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type pg from 'pg'
import { openPostgres } from '../../server/db/openPostgres'
import {
  databaseUrl,
  type PostgresCluster,
  startPostgresCluster,
  withAdmin,
} from '../support/postgresCluster'
import { startServerProcess } from '../support/serverInstance'
import { compiledEntries } from './compiledEntries'
import { scratchFolder } from './scratchFolder'
import {
  demoServerArgs,
  type NodeStorage,
  oncePerKey,
  type ServerNode,
  seedAndStop,
  serverNodeOver,
} from './serverNode'
import { readServerView } from './views'

// The fault harness's server on PostgreSQL, as in production: one throwaway cluster per process
// (fsync off: the harness kills the server process, never the database), a database per run copied
// from a template database seeded once, and backups as database copies (`CREATE DATABASE ... TEMPLATE`,
// the file-level equivalent of a pg_dump and pg_restore, in a fraction of the time).

let cluster: Promise<PostgresCluster> | null = null
const templates = new Map<number, Promise<string>>()

function sharedCluster(): Promise<PostgresCluster> {
  if (!cluster) {
    cluster = startPostgresCluster({ folderPrefix: 'rustavi-fault-pg-' })
    cluster.catch(() => {
      cluster = null
    })
  }
  return cluster
}

const startOn = async (url: string, dataDir: string, demoObjects: number, afterRestore: boolean) =>
  startServerProcess({
    dataDir,
    demo: true,
    env: { DATABASE_URL: url },
    extraArgs: demoServerArgs(demoObjects, afterRestore),
    nodeArgs: (await compiledEntries()).server,
  })

/**
 * Stops the cluster now, if this process started one. Otherwise it stops when the process exits,
 * which a test worker that is ended from outside never does (its cluster then kept running).
 */
export async function stopSharedCluster(): Promise<void> {
  const started = cluster
  cluster = null
  templates.clear()
  await (await started?.catch(() => null))?.stop()
}

/** Closes the connections a killed server left (the database must have none to be copied or dropped). */
async function quiesce(client: pg.Client, name: string): Promise<void> {
  await client.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [name],
  )
}

/** `target` as a copy of `source` (dropped first); retried while the source's last connections close. */
async function copyDatabase(adminUrl: string, source: string, target: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`)
    for (let attempt = 1; ; attempt++) {
      await quiesce(client, source)
      try {
        await client.query(`CREATE DATABASE ${target} TEMPLATE ${source}`)
        return
      } catch (error) {
        // 55006: source database is being accessed by other users.
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
  })
}

/** A database with the demo users, the reference data and `demoObjects` objects, seeded once per process. */
const template = (demoObjects: number): Promise<string> =>
  oncePerKey(templates, demoObjects, async () => {
    const { adminUrl } = await sharedCluster()
    const name = `fault_template_${demoObjects}`
    await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`))
    const dir = scratchFolder('rustavi-fault-pg-template-')
    try {
      await seedAndStop(() => startOn(databaseUrl(adminUrl, name), dir, demoObjects, false))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    return name
  })

/** The server on PostgreSQL: a database of its own, copied from the seeded template. */
export async function startPostgresServerNode(
  dataDir: string,
  demoObjects: number,
  seed: number,
): Promise<ServerNode> {
  const { adminUrl } = await sharedCluster()
  const name = `fault_${seed}_${Math.random().toString(36).slice(2, 8)}`
  const backup = `${name}_backup`
  const url = databaseUrl(adminUrl, name)
  await copyDatabase(adminUrl, await template(demoObjects), name)
  mkdirSync(dataDir, { recursive: true })
  const first = await startOn(url, dataDir, demoObjects, false)
  const storage: NodeStorage = {
    start: (afterRestore) => startOn(url, dataDir, demoObjects, afterRestore),
    enrolmentCode: readFileSync(join(dataDir, 'demo-enrolment-code'), 'utf8').trim(),
    backUp: () => copyDatabase(adminUrl, name, backup),
    putBackBackup: () => copyDatabase(adminUrl, backup, name),
    readView: async () => readServerView(await openPostgres(url, { poolSize: 2 })),
    dispose: () =>
      withAdmin(adminUrl, async (client) => {
        for (const db of [name, backup]) await client.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)
      }),
  }
  return serverNodeOver(storage, first)
}
