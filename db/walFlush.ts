import { type FileHandle, open } from 'node:fs/promises'
import type Database from 'better-sqlite3'

/**
 * Flushes the write-ahead log to disk in the background after a pulled slice's commit. Pulled slices
 * commit without syncing (db/sync/refetchableWrite.ts), so the next clerk's save, which syncs the
 * log, had to write out every slice committed since the one before it: in a catch-up that made each
 * save wait for megabytes. Here the log is synced by libuv's thread pool while the app goes on, at
 * most one sync at a time, so a save finds little left to write. Syncing sooner only ever makes
 * committed data durable sooner; if the log cannot be opened nothing is flushed and nothing changes.
 */
export function walFlusher(client: Database.Database): { afterCommit(): void; close(): Promise<void> } {
  let handle: Promise<FileHandle | null> | null = null
  let flushing: Promise<void> | null = null
  let again = false
  const flush = async (): Promise<void> => {
    // Read and write: Windows syncs only a file opened for writing. Nothing is ever written here.
    handle ??= open(`${client.name}-wal`, 'r+').catch(() => null)
    const file = await handle
    if (!file) return
    do {
      again = false
      await file.datasync().catch(() => {})
    } while (again)
  }
  return {
    afterCommit() {
      if (flushing) {
        again = true
        return
      }
      flushing = flush().finally(() => {
        flushing = null
      })
    },
    async close() {
      await flushing
      const file = await handle
      await file?.close()
    },
  }
}
