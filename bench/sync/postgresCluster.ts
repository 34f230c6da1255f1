import { execFile, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

// A throwaway PostgreSQL cluster for the sync benchmarks, started the way tests/support/postgres.ts
// starts one (initdb + pg_ctl on a free loopback port, run as the postgres user when we are root),
// without vitest. Unlike the tests' cluster it keeps fsync on: the figures are for a real server.

const run = promisify(execFile)

export interface BenchCluster {
  /** A new empty database on the cluster; returns its URL. */
  createDatabase(name: string): Promise<string>
  stop(): Promise<void>
}

/** Null (with the reason) where PostgreSQL is not installed. */
export async function startBenchCluster(): Promise<BenchCluster | { missing: string }> {
  const bin = postgresBinaries()
  if (!bin) return { missing: 'PostgreSQL is not installed (apt-get install -y postgresql)' }
  const asRoot = process.getuid?.() === 0
  const root = mkdtempSync(join(tmpdir(), 'rustavi-bench-pg-'))
  if (asRoot) chownSync(root, ...postgresIds())
  const as = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args])
      : run(join(bin, command), args)
  const port = await freePort()
  const data = join(root, 'data')
  try {
    await as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8'])
    const settings = [
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${root}`,
      '-c max_connections=200 -c shared_buffers=512MB -c work_mem=32MB -c maintenance_work_mem=256MB',
      '-c max_wal_size=4GB -c checkpoint_timeout=30min',
    ].join(' ')
    await as('pg_ctl', ['-D', data, '-l', join(root, 'log'), '-w', '-t', '60', '-o', settings, 'start'])
  } catch (error) {
    rmSync(root, { recursive: true, force: true })
    throw new Error(`Could not start a throwaway PostgreSQL in ${root}: ${String(error)}`)
  }
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
  return {
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return adminUrl.replace(/\/postgres$/, `/${name}`)
    },
    async stop() {
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
      rmSync(root, { recursive: true, force: true })
    },
  }
}

function postgresBinaries(): string | null {
  const base = '/usr/lib/postgresql'
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : []
  const newest = versions.at(-1)
  return newest ? join(base, newest, 'bin') : null
}

function postgresIds(): [number, number] {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim())
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim())
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid <= 0) {
    throw new Error('Running as root, but there is no postgres user to run PostgreSQL as')
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
