import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ServerProcess, startServerProcess } from '../support/serverInstance'

/**
 * The central server as a child process on a PGlite data folder that outlives it: `kill -9` it and
 * start it again on the same folder (PGlite in a folder recovers from a kill; the harness checks
 * that nothing it acknowledged is lost). `url()` is null while it is down.
 */
export interface ServerNode {
  url(): string | null
  enrolmentCode: string
  crash(): Promise<void>
  restart(): Promise<void>
  /** A nightly backup: the data folder copied (the server is killed for the copy and started again). */
  backUp(): Promise<void>
  /** The data folder put back from the backup, the server started once with `--after-restore`. */
  restoreBackup(): Promise<void>
  /** SIGTERM: finishes requests in flight and closes the database cleanly. */
  stop(): Promise<void>
  output(): string
}

const start = (dataDir: string, demoObjects: number, afterRestore = false) =>
  startServerProcess({
    dataDir,
    demo: true,
    // No demo payers: the demo clerk also reads sanitation, and a year of a city's charges would
    // make each PC's bootstrap, not the faults, the thing the run measures.
    extraArgs: [
      '--demo-objects',
      String(demoObjects),
      '--demo-payers',
      '0',
      ...(afterRestore ? ['--after-restore'] : []),
    ],
  })

const templates = new Map<number, Promise<string>>()

/**
 * A data folder with the demo users, the reference data and `demoObjects` objects, made once per
 * process and copied for each run: a first start (migrations, password hashing, seeding) costs
 * several seconds, a copy a fraction of one.
 */
function template(demoObjects: number): Promise<string> {
  let made = templates.get(demoObjects)
  if (!made) {
    made = (async () => {
      const parent = mkdtempSync(join(tmpdir(), 'rustavi-fault-template-'))
      process.once('exit', () => rmSync(parent, { recursive: true, force: true }))
      const dir = join(parent, 'server')
      const server = await start(dir, demoObjects)
      server.kill('SIGTERM')
      const code = await server.exited
      if (code !== 0)
        throw new Error(`The template server did not stop cleanly (${code}):\n${server.output()}`)
      return dir
    })()
    // A failed template fails its own run only: the next run makes a new one.
    made.catch(() => templates.delete(demoObjects))
    templates.set(demoObjects, made)
  }
  return made
}

/** `fromTemplate`: copy a prepared folder (many runs in one process) instead of seeding this one. */
export async function startServerNode(
  dataDir: string,
  demoObjects: number,
  fromTemplate: boolean,
): Promise<ServerNode> {
  if (fromTemplate && !existsSync(dataDir)) cpSync(await template(demoObjects), dataDir, { recursive: true })
  let child: ServerProcess | null = await start(dataDir, demoObjects)
  let log = ''
  const backupDir = `${dataDir}-backup`
  const enrolmentCode = readFileSync(join(dataDir, 'demo-enrolment-code'), 'utf8').trim()
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
    enrolmentCode,
    crash,
    async restart() {
      if (child) return
      child = await start(dataDir, demoObjects)
    },
    async backUp() {
      await crash()
      rmSync(backupDir, { recursive: true, force: true })
      cpSync(dataDir, backupDir, { recursive: true })
      child = await start(dataDir, demoObjects)
    },
    async restoreBackup() {
      if (!existsSync(backupDir)) throw new Error('No backup of the server was made')
      await crash()
      rmSync(dataDir, { recursive: true, force: true })
      cpSync(backupDir, dataDir, { recursive: true })
      child = await start(dataDir, demoObjects, true)
    },
    async stop() {
      if (!child) return
      const p = child
      child = null
      p.kill('SIGTERM')
      await p.exited
      log += p.output()
    },
    output: () => log + (child?.output() ?? ''),
  }
}
