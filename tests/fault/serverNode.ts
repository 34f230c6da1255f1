import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { openPglite } from '../../server/db/openPglite'
import { type ServerProcess, startServerProcess } from '../support/serverInstance'
import { compiledEntries } from './compiledEntries'
import { scratchFolder } from './scratchFolder'
import { readServerView, type ServerView } from './views'

/**
 * The central server as a child process on a database that outlives it: `kill -9` it and start it
 * again on the same database (the harness checks that nothing it acknowledged is lost). `url()` is
 * null while it is down. Two kinds: PGlite in a data folder (the embedded default, ./serverNode.ts)
 * and PostgreSQL (production, ./postgresServerNode.ts).
 */
export interface ServerNode {
  url(): string | null
  enrolmentCode: string
  crash(): Promise<void>
  restart(): Promise<void>
  /** A nightly backup (the server is killed for the copy and started again). */
  backUp(): Promise<void>
  /**
   * The database put back from the backup, the server started once with `--after-restore`. Returns
   * what the database held just before (the log the restore throws away).
   */
  restoreBackup(): Promise<ServerView>
  /** SIGTERM: finishes requests in flight and closes the database cleanly. */
  stop(): Promise<void>
  /** The stopped server's database, read for the checker. */
  readView(): Promise<ServerView>
  /** Frees what the node holds outside its data folder (a PostgreSQL database). */
  dispose(): Promise<void>
  output(): string
}

/** How to start the server process on the node's database, and how to back it up and put it back. */
export interface NodeStorage {
  start(afterRestore: boolean): Promise<ServerProcess>
  enrolmentCode: string
  backUp(): Promise<void>
  putBackBackup(): Promise<void>
  readView(): Promise<ServerView>
  dispose(): Promise<void>
}

/** A server node over `storage`, whose server `first` has started: its crashes, restarts, backups and restores. */
export function serverNodeOver(storage: NodeStorage, first: ServerProcess): ServerNode {
  let child: ServerProcess | null = first
  let log = ''
  const crash = async () => {
    if (!child) return
    const p = child
    child = null
    p.kill('SIGKILL')
    await p.exited
    log += p.output()
  }
  return {
    url: () => child?.url ?? null,
    enrolmentCode: storage.enrolmentCode,
    crash,
    async restart() {
      if (child) return
      child = await storage.start(false)
    },
    async backUp() {
      await crash()
      await storage.backUp()
      child = await storage.start(false)
    },
    async restoreBackup() {
      await crash()
      const before = await storage.readView()
      await storage.putBackBackup()
      child = await storage.start(true)
      return before
    },
    async stop() {
      if (!child) return
      const p = child
      child = null
      p.kill('SIGTERM')
      await p.exited
      log += p.output()
    },
    readView: () => storage.readView(),
    dispose: () => storage.dispose(),
    output: () => log + (child?.output() ?? ''),
  }
}

/**
 * The demo server's arguments: `demoObjects` property objects and no demo payers (the demo clerk also
 * reads sanitation, and a year of a city's charges would make each PC's bootstrap, not the faults, the
 * thing a run measures).
 */
export const demoServerArgs = (demoObjects: number, afterRestore: boolean) => [
  '--demo-objects',
  String(demoObjects),
  '--demo-payers',
  '0',
  ...(afterRestore ? ['--after-restore'] : []),
]

const startOnFolder = async (dataDir: string, demoObjects: number, afterRestore = false) =>
  startServerProcess({
    dataDir,
    demo: true,
    extraArgs: demoServerArgs(demoObjects, afterRestore),
    nodeArgs: (await compiledEntries()).server,
  })

const templates = new Map<number, Promise<string>>()

/** `make()` once per key and process; a failure fails its own run only, and the next run tries again. */
export function oncePerKey<K, V>(cache: Map<K, Promise<V>>, key: K, make: () => Promise<V>): Promise<V> {
  let made = cache.get(key)
  if (!made) {
    made = make()
    made.catch(() => cache.delete(key))
    cache.set(key, made)
  }
  return made
}

/** Starts a server that seeds its new database, then stops it cleanly: a template to copy for each run. */
export async function seedAndStop(start: () => Promise<ServerProcess>): Promise<void> {
  const server = await start()
  server.kill('SIGTERM')
  const code = await server.exited
  if (code !== 0) throw new Error(`The template server did not stop cleanly (${code}):\n${server.output()}`)
}

/**
 * A data folder with the demo users, the reference data and `demoObjects` objects, made once per
 * process and copied for each run: a first start (migrations, password hashing, seeding) costs
 * several seconds, a copy a fraction of one.
 */
const template = (demoObjects: number): Promise<string> =>
  oncePerKey(templates, demoObjects, async () => {
    const parent = scratchFolder('rustavi-fault-template-')
    process.once('exit', () => rmSync(parent, { recursive: true, force: true }))
    const dir = join(parent, 'server')
    await seedAndStop(() => startOnFolder(dir, demoObjects))
    return dir
  })

/**
 * The server on embedded PGlite in `dataDir`; a backup is a copy of the folder.
 * `fromTemplate`: copy a prepared folder (many runs in one process) instead of seeding this one.
 */
export async function startPgliteServerNode(
  dataDir: string,
  demoObjects: number,
  fromTemplate: boolean,
): Promise<ServerNode> {
  if (fromTemplate && !existsSync(dataDir)) cpSync(await template(demoObjects), dataDir, { recursive: true })
  const backupDir = `${dataDir}-backup`
  // The first start writes the enrolment code file (when the folder is new) before the node reads it.
  const first = await startOnFolder(dataDir, demoObjects)
  const storage: NodeStorage = {
    start: (afterRestore) => startOnFolder(dataDir, demoObjects, afterRestore),
    enrolmentCode: readFileSync(join(dataDir, 'demo-enrolment-code'), 'utf8').trim(),
    async backUp() {
      rmSync(backupDir, { recursive: true, force: true })
      cpSync(dataDir, backupDir, { recursive: true })
    },
    async putBackBackup() {
      if (!existsSync(backupDir)) throw new Error('No backup of the server was made')
      rmSync(dataDir, { recursive: true, force: true })
      cpSync(backupDir, dataDir, { recursive: true })
    },
    readView: async () => readServerView(await openPglite(dataDir)),
    dispose: async () => {},
  }
  return serverNodeOver(storage, first)
}
