import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { inject } from 'vitest'
import {
  databaseUrl,
  type PostgresCluster,
  postgresBinaries,
  startPostgresCluster,
  withAdmin,
} from './postgresCluster'

// Databases for tests on a throwaway PostgreSQL cluster (./postgresCluster.ts), fsync off. Where
// PostgreSQL is missing the tests fail, saying how to install it: CI installs it, and a skipped
// database test would prove nothing.
//
// One cluster per run when tests/support/postgres.ts is a vitest globalSetup (it provides
// `postgresAdminUrl`); otherwise each test file starts its own and stops it with its last database.

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl?: string
  }
}

const run = promisify(execFile)

export interface TestDatabase {
  url: string
  /** Drops the database (and stops the cluster if this file started it for itself). */
  drop(): Promise<void>
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
  const url = databaseUrl(adminUrl, name)
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
