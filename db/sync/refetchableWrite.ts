import type Database from 'better-sqlite3'

/**
 * Runs a transaction that writes only what the server can send again (a pulled or snapshot page
 * with its cursor) without waiting for the disk at commit: synchronous = NORMAL, which in WAL mode
 * keeps the store consistent and loses, on a power cut, at most the last such commits, cursor
 * included, so the next round pulls them again. A clerk's save (synchronous = FULL) still syncs the
 * WAL, and with it every page committed before it. The fsync of each page was most of its commit.
 */
export function withoutCommitSync<T>(client: Database.Database, run: () => T): T {
  if (client.inTransaction) return run()
  const before = client.pragma('synchronous', { simple: true }) as number
  client.pragma('synchronous = NORMAL')
  try {
    return run()
  } finally {
    client.pragma(`synchronous = ${before}`)
  }
}
