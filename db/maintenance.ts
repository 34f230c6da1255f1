import type Database from 'better-sqlite3'
import type { Db } from './database'

/** Upkeep that must never run inside a clerk's save; each step is small. */
export type IdleTask = (client: Database.Database) => void

/** Moves the write-ahead log into the database file (automatic checkpoints are off: openDatabase). */
export const checkpointStep: IdleTask = (client) => {
  client.pragma('wal_checkpoint(PASSIVE)')
}

/**
 * Runs the idle tasks every `everyMs` while no transaction is open. Returns a function that stops
 * them and makes a final, complete checkpoint.
 */
export function maintainWhenIdle(db: Db, tasks: readonly IdleTask[], everyMs = 15_000): () => void {
  const client = db.$client
  const timer = setInterval(() => {
    if (client.inTransaction) return
    for (const task of tasks) task(client)
  }, everyMs)
  timer.unref()
  return () => {
    clearInterval(timer)
    client.pragma('wal_checkpoint(TRUNCATE)')
  }
}
