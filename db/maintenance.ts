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

/**
 * For a long run of sync pages (a bootstrap, a catch-up): automatic checkpoints are off, so without
 * this the WAL would hold the whole run (gigabytes for a large bootstrap) and the idle checkpoint
 * after it would copy all of it at once. Called after each page, it checkpoints every `pages` pages,
 * PASSIVE (it never waits for a reader): once the WAL is copied, the next transaction writes it from
 * its start again, so it stays the size of a few pages and each checkpoint stays short.
 */
export function checkpointEveryPages(client: Database.Database, pages: number): () => void {
  let since = 0
  return () => {
    since += 1
    if (since < pages || client.inTransaction) return
    since = 0
    client.pragma('wal_checkpoint(PASSIVE)')
  }
}
