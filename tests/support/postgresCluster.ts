import { execFile, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

// A throwaway PostgreSQL cluster (research/stack.md section 7): initdb + pg_ctl on a free loopback
// port, everything under one temporary folder. Run as root, it runs the binaries as the postgres user
// (initdb refuses root). Free of vitest, so the tests, the benchmarks and the fault harness share it.

const run = promisify(execFile)

export interface PostgresCluster {
  /** Superuser URL of the `postgres` database. */
  adminUrl: string
  stop(): Promise<void>
}

/** Server settings beyond the address: the tests' cluster trades durability for speed, a benchmark's does not. */
export const fastUnsafeSettings = ['-c fsync=off -c synchronous_commit=off -c full_page_writes=off']

export async function startPostgresCluster(
  options: { settings?: readonly string[]; folderPrefix?: string } = {},
): Promise<PostgresCluster> {
  const bin = postgresBinaries()
  const asRoot = process.getuid?.() === 0
  const root = mkdtempSync(join(tmpdir(), options.folderPrefix ?? 'rustavi-pg-'))
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
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c max_connections=200`,
      ...(options.settings ?? fastUnsafeSettings),
    ].join(' ')
    await as('pg_ctl', ['-D', data, '-l', join(root, 'log'), '-w', '-t', '60', '-o', settings, 'start'])
  } catch (error) {
    rmSync(root, { recursive: true, force: true })
    throw new Error(`Could not start a throwaway PostgreSQL in ${root}: ${String(error)}`)
  }
  // If the process ends without stopping it (a hook that timed out, an interrupted run), stop it on the way out.
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

/** Runs `use` with a superuser connection to the cluster's `postgres` database. */
export async function withAdmin<T>(adminUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

/** The URL of database `name` on the cluster of `adminUrl`. */
export const databaseUrl = (adminUrl: string, name: string) => adminUrl.replace(/\/postgres$/, `/${name}`)

/** Whether PostgreSQL's binaries are installed here. */
export const postgresInstalled = () => newestBinaries() !== null

export function postgresBinaries(): string {
  const bin = newestBinaries()
  if (!bin) {
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). The server tests need it: ' +
        'apt-get install -y postgresql (.ci/run installs it).',
    )
  }
  return bin
}

function newestBinaries(): string | null {
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
