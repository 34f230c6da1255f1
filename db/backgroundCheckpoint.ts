import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'

/** What one checkpoint did: WAL frames in the log, and how many of them are now in the database. */
export interface CheckpointResult {
  log: number
  checkpointed: number
}

/**
 * A WAL checkpoint on a connection of its own in a worker thread: copying the log into the database
 * file and syncing it takes 100-250 ms in a catch-up, and on the app's thread every clerk's save
 * waited for it. SQLite lets writers go on during a checkpoint; the log starts again from its
 * beginning at the first write after a checkpoint that copied all of it.
 */
export interface BackgroundCheckpointer {
  /** Runs one PASSIVE checkpoint (after the one running, if any); resolves when it is done. */
  checkpoint(): Promise<CheckpointResult>
  /** Stops the worker (after the checkpoint running, if any). */
  close(): Promise<void>
}

// Plain CommonJS run by the worker: the bundler never sees it, so no build step has to know it.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, workerData.addon
  ? { fileMustExist: true, nativeBinding: workerData.addon }
  : { fileMustExist: true })
db.pragma('busy_timeout = 5000')
db.pragma('synchronous = FULL')
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close()
    parentPort.close()
    return
  }
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage({ log: row.log, checkpointed: row.checkpointed })
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) })
  }
})
`

export function backgroundCheckpointer(client: Database.Database): BackgroundCheckpointer {
  const worker = new Worker(workerSource, { eval: true, workerData: { file: client.name, ...driverFiles() } })
  worker.unref()
  let queue: Promise<unknown> = Promise.resolve()
  let failure: Error | null = null
  let exited = false
  worker.on('error', (error) => {
    failure = error
  })
  worker.on('exit', () => {
    exited = true
  })
  const ask = () =>
    new Promise<CheckpointResult>((resolve, reject) => {
      if (failure || exited) return reject(failure ?? new Error('the checkpoint worker stopped'))
      const onExit = () => reject(failure ?? new Error('the checkpoint worker stopped'))
      worker.once('exit', onExit)
      // Held only while a checkpoint runs: an idle worker never keeps the app alive.
      worker.ref()
      worker.once('message', (answer: CheckpointResult | { error: string }) => {
        worker.off('exit', onExit)
        worker.unref()
        if ('error' in answer) reject(new Error(answer.error))
        else resolve(answer)
      })
      worker.postMessage('checkpoint')
    })
  return {
    checkpoint() {
      const done = queue.then(ask, ask)
      queue = done.catch(() => {})
      return done
    },
    async close() {
      await queue
      if (failure || exited) return
      const stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.ref()
      worker.postMessage('close')
      await stopped
    },
  }
}

/**
 * Where the worker loads the SQLite driver from: the driver the app itself loaded, and its native
 * addon. A worker thread cannot read inside the packaged app's asar archive, so in the package both
 * come from the copy of better-sqlite3 kept unpacked beside it (build/electron-builder.yml); the
 * addon's own path spares the worker the `bindings` lookup, which is not unpacked.
 */
export function driverFiles(resolve: (id: string) => string = createRequire(import.meta.url).resolve): {
  driver: string
  addon: string | null
} {
  const driver = outsideAsar(resolve('better-sqlite3'))
  const addon = join(dirname(driver), '..', 'build', 'Release', 'better_sqlite3.node')
  return { driver, addon: existsSync(addon) ? addon : null }
}

/** `…/app.asar/node_modules/x` -> `…/app.asar.unpacked/node_modules/x`; other paths unchanged. */
export const outsideAsar = (path: string): string => path.replace(/\.asar([\\/])/, '.asar.unpacked$1')

/**
 * The checkpoints of a catch-up's run of pulled slices (automatic checkpoints are off, so without
 * them the log would hold the whole run). Every `slices` slices the background checkpointer copies
 * the log while the next slices are applied; once it is done, one more copies what they added, and
 * `afterSlice` waits for that one (the clerks' saves do not: the event loop is free), so the log is
 * copied whole and starts again from its beginning at the next write. Should the worker fail, the
 * checkpoints run on this connection as before.
 */
export function checkpointsInBackground(
  client: Database.Database,
  slices: number,
  start: (client: Database.Database) => BackgroundCheckpointer = backgroundCheckpointer,
): { afterSlice(): Promise<void>; close(): Promise<void> } {
  let checkpointer: BackgroundCheckpointer | null = null
  let failed = false
  let since = 0
  let copying: Promise<unknown> | null = null
  let copied = false
  const inThisThread = () => {
    since = 0
    client.pragma('wal_checkpoint(PASSIVE)')
  }
  return {
    async afterSlice() {
      since += 1
      if (client.inTransaction) return
      if (failed) {
        copying = null
        if (since >= slices) inThisThread()
        return
      }
      if (copying === null) {
        if (since < slices) return
        try {
          checkpointer ??= start(client)
        } catch {
          failed = true
          return inThisThread()
        }
        copied = false
        copying = checkpointer.checkpoint().then(
          () => {
            copied = true
          },
          () => {
            failed = true
          },
        )
        return
      }
      if (!copied) return
      try {
        await checkpointer!.checkpoint()
      } catch {
        failed = true
      }
      copying = null
      since = 0
    },
    async close() {
      await copying
      await checkpointer?.close()
    },
  }
}
