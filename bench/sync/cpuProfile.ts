import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'

/**
 * Runs `work`, and with BENCH_PROF=<folder> records this process's CPU profile of just that work
 * into `<folder>/<label>.cpuprofile` (open it in Chrome DevTools or speedscope).
 */
export async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_PROF
  if (!folder) return work()
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  try {
    return await work()
  } finally {
    const { profile } = await session.post('Profiler.stop')
    const file = join(folder, `${label}.cpuprofile`)
    writeFileSync(file, JSON.stringify(profile))
    console.log(`   (CPU profile of ${label}: ${file})`)
    session.disconnect()
  }
}
