import { Worker } from 'node:worker_threads'

/**
 * A clerk's saves arriving while the app is busy, as they arrive in the app: as messages (IPC from
 * the renderer, or requests to the web host), handled when the app's event loop gets to them. A
 * thread of its own keeps the clock, so a busy app cannot delay when a save is due: every `everyMs`
 * it sends the time the next save is due. `save(k)` runs on this thread for the k-th message, and
 * a save's wait is from when it was due until `save` returned, in milliseconds.
 */
export function savesMeanwhile(everyMs: number, save: (k: number) => void): { stop(): number[] } {
  const waits: number[] = []
  let stopped = false
  const clock = new Worker(clockSource, { eval: true, workerData: { everyMs } })
  clock.on('message', (due: number) => {
    if (stopped) return
    save(waits.length)
    waits.push(performance.timeOrigin + performance.now() - due)
  })
  return {
    /** No more saves: the waits so far (the clock thread ends on its own time). */
    stop() {
      stopped = true
      void clock.terminate()
      return waits
    },
  }
}

// Plain CommonJS run by the clock thread. `performance.timeOrigin + performance.now()` is the same
// clock on both threads.
const clockSource = `
const { parentPort, workerData } = require('node:worker_threads')
const now = () => performance.timeOrigin + performance.now()
let due = now()
const next = () => {
  due += workerData.everyMs
  setTimeout(() => {
    parentPort.postMessage(due)
    next()
  }, Math.max(0, due - now()))
}
next()
`
