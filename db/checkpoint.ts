import type { Db } from './database'

/**
 * Moves the write-ahead log into the database file while nobody is saving: automatic checkpoints are
 * off (openDatabase) so that they never run inside a clerk's save. Returns a function that stops it
 * and makes a final, complete checkpoint.
 */
export function checkpointWhenIdle(db: Db, everyMs = 15_000): () => void {
  const client = db.$client
  const timer = setInterval(() => {
    if (!client.inTransaction) client.pragma('wal_checkpoint(PASSIVE)')
  }, everyMs)
  timer.unref()
  return () => {
    clearInterval(timer)
    client.pragma('wal_checkpoint(TRUNCATE)')
  }
}
