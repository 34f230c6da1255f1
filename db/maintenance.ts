import type Database from 'better-sqlite3'
import { type BackgroundCheckpointer, backgroundCheckpointer } from './backgroundCheckpoint'
import type { Db } from './database'

/** Upkeep that must never run inside a clerk's save; each step is small. */
export type IdleTask = (client: Database.Database) => void

export interface MaintenanceOptions {
  everyMs?: number
  /** Starts the worker thread that checkpoints (db/backgroundCheckpoint.ts unless a test says). */
  checkpointer?: (client: Database.Database) => BackgroundCheckpointer
}

/**
 * Runs the idle tasks every `everyMs` (15 s) while no transaction is open, then moves the
 * write-ahead log into the database file (automatic checkpoints are off: openDatabase). The
 * checkpoint runs in a worker thread: after a catch-up or a billing run, copying the log took
 * 100-150 ms, and on this thread every save due meanwhile waited for it. One at a time; should the
 * worker fail, checkpoints run on this connection. Returns a function that stops the upkeep, waits
 * for the checkpoint under way and makes a final, complete one.
 */
export function maintainWhenIdle(
  db: Db,
  tasks: readonly IdleTask[],
  options: MaintenanceOptions = {},
): () => Promise<void> {
  const client = db.$client
  const start = options.checkpointer ?? backgroundCheckpointer
  let checkpointer: BackgroundCheckpointer | null = null
  let failed = false
  let checkpointing: Promise<unknown> | null = null
  const checkpoint = () => {
    if (checkpointing) return
    if (!failed) {
      try {
        checkpointer ??= start(client)
        checkpointing = checkpointer.checkpoint().then(
          () => {
            checkpointing = null
          },
          () => {
            failed = true
            checkpointing = null
          },
        )
        return
      } catch {
        failed = true
      }
    }
    client.pragma('wal_checkpoint(PASSIVE)')
  }
  const timer = setInterval(() => {
    if (client.inTransaction) return
    for (const task of tasks) task(client)
    checkpoint()
  }, options.everyMs ?? 15_000)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await checkpointing
    await checkpointer?.close().catch(() => {})
    client.pragma('wal_checkpoint(TRUNCATE)')
  }
}
