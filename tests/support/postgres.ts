import { execFile, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { inject } from 'vitest'

// A throwaway PostgreSQL cluster for tests (research/stack.md section 7): initdb + pg_ctl on a free
// loopback port, fsync off, everything under one temporary folder. Run as root, it runs the
// binaries as the postgres user (initdb refuses root). Where PostgreSQL is missing the tests fail,
// saying how to install it: CI installs it, and a skipped database test would prove nothing.
//
// One cluster per run when tests/support/postgres.ts is a vitest globalSetup (it provides
// `postgresAdminUrl`); otherwise each test file starts its own and stops it with its last database.

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl?: string
  }
}

const run = promisify(execFile)

export interface PostgresCluster {
  /** Superuser URL of the `postgres` database. */
  adminUrl: string
  stop(): Promise<void>
}

export interface TestDatabase {
  url: string
  /** Drops the database (and stops the cluster if this file started it for itself). */
  drop(): Promise<void>
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinaries()
  const asRoot = process.getuid?.() === 0
  const root = mkdtempSync(join(tmpdir(), 'rustavi-pg-'))
  if (asRoot) chownSync(root, ...postgresIds())
  const as = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args])
      : run(join(bin, command), args)
  const port = await freePort()
  const data = join(root, 'data')
  try {
    await as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8'])
    const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
    await as('pg_ctl', ['-D', data, '-l', join(root, 'log'), '-w', '-t', '30', '-o', settings, 'start'])
  } catch (error) {
    rmSync(root, { recursive: true, force: true })
    throw new Error(`Could not start a throwaway PostgreSQL in ${root}: ${String(error)}`)
  }
  // If the test process ends without stopping it (a hook that timed out), stop it on the way out.
  const stopOnExit = () => {
    const args = [join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']
    if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', ...args])
    else spawnSync(args[0]!, args.slice(1))
    rmSync(root, { recursive: true, force: true })
  }
  process.once('exit', stopOnExit)
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      process.off('exit', stopOnExit)
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
      rmSync(root, { recursive: true, force: true })
    },
  }
}

let ownCluster: { cluster: Promise<PostgresCluster>; users: number } | null = null

/** A new, empty database on the shared cluster (or on this file's own). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const shared = inject('postgresAdminUrl')
  let adminUrl: string
  if (shared) {
    adminUrl = shared
  } else {
    ownCluster ??= { cluster: startPostgresCluster(), users: 0 }
    ownCluster.users++
    adminUrl = (await ownCluster.cluster).adminUrl
  }
  const name = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`))
  const url = adminUrl.replace(/\/postgres$/, `/${name}`)
  return {
    url,
    async drop() {
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
      if (!shared && ownCluster && --ownCluster.users === 0) {
        const cluster = await ownCluster.cluster
        ownCluster = null
        await cluster.stop()
      }
    },
  }
}

/** A backup of a database as an operator takes one: `pg_dump` in its custom format, to `file`. */
export async function dumpDatabase(url: string, file: string): Promise<void> {
  await run(join(postgresBinaries(), 'pg_dump'), ['--format=custom', `--file=${file}`, `--dbname=${url}`])
}

/** A new, empty database (as createTestDatabase) loaded from a `dumpDatabase` file with `pg_restore`. */
export async function restoreDump(file: string): Promise<TestDatabase> {
  const database = await createTestDatabase()
  await run(join(postgresBinaries(), 'pg_restore'), [
    '--no-owner',
    '--exit-on-error',
    `--dbname=${database.url}`,
    file,
  ])
  return database
}

/** vitest globalSetup: one cluster for the whole run. */
export default async function setup(project: { provide(key: 'postgresAdminUrl', value: string): void }) {
  const cluster = await startPostgresCluster()
  project.provide('postgresAdminUrl', cluster.adminUrl)
  return () => cluster.stop()
}

async function withAdmin<T>(adminUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

function postgresBinaries(): string {
  const base = '/usr/lib/postgresql'
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : []
  const newest = versions.at(-1)
  if (!newest) {
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). The server tests need it: ' +
        'apt-get install -y postgresql (.ci/run installs it).',
    )
  }
  return join(base, newest, 'bin')
}

function postgresIds(): [number, number] {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim())
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim())
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid <= 0) {
    throw new Error(
      'Running as root, but there is no postgres user to run PostgreSQL as (install postgresql)',
    )
  }
  return [uid, gid]
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
