import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const LOCK_FILE = 'server.lock'

/**
 * PGlite has no lock of its own: two servers on one data folder would corrupt it. The first takes
 * `<dataDir>/server.lock` (its pid); a lock left by a process that no longer runs (kill -9, power
 * cut) is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' })
      return () => rmSync(path, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(path, 'utf8'))
      if (isRunning(holder)) {
        throw new Error(
          `Another server (pid ${holder}) is using ${dataDir}; stop it first or use another --data-dir`,
        )
      }
      rmSync(path, { force: true })
    }
  }
  throw new Error(`Could not lock ${dataDir}`)
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
