import { Poke } from '../../../domain/sync/protocol'
import type { SyncHttpClient } from './httpClient'

export interface PokeListenerOptions {
  http: SyncHttpClient
  onPoke(poke: Poke): void
  /** Tells the engine whether the stream is up (a live stream means the PC is online). */
  onStream?(open: boolean): void
  /** First reconnect delay; doubles up to a minute, with jitter. */
  retryMs?: number
}

export interface PokeListener {
  stop(): Promise<void>
  /**
   * Ends the wait before the next reconnect, if the stream is down: a user who just signed in (the
   * stream needs a session) or asked to sync should not wait out a backoff grown while nobody was.
   */
  retryNow(): void
}

/**
 * Listens to the server's poke stream (`GET /v1/sync/events`, server-sent events) and calls
 * `onPoke` for each poke. Reconnects after a drop with exponential backoff and jitter.
 */
export function listenForPokes(options: PokeListenerOptions): PokeListener {
  const controller = new AbortController()
  const firstRetry = options.retryMs ?? 1_000
  let wake: AbortController | null = null
  const loop = (async () => {
    let failures = 0
    while (!controller.signal.aborted) {
      try {
        const body = await options.http.openEvents(controller.signal)
        failures = 0
        options.onStream?.(true)
        await readEvents(body, controller.signal, (event, data) => {
          if (event !== 'poke') return
          const poke = Poke.safeParse(safeJson(data))
          if (poke.success) options.onPoke(poke.data)
        })
      } catch {
        failures += 1
      }
      options.onStream?.(false)
      if (controller.signal.aborted) break
      const delay = Math.min(60_000, firstRetry * 2 ** Math.min(failures, 6)) * (0.5 + Math.random() / 2)
      wake = new AbortController()
      await sleep(delay, controller.signal, wake.signal)
      wake = null
    }
  })()
  return {
    async stop() {
      controller.abort()
      await loop
    },
    retryNow() {
      wake?.abort()
    },
  }
}

/** Reads `event:`/`data:` blocks separated by blank lines until the stream ends or is aborted. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onEvent: (event: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader()
  const cancel = () => void reader.cancel().catch(() => {})
  signal.addEventListener('abort', cancel, { once: true })
  if (signal.aborted) cancel()
  const decoder = new TextDecoder()
  let buffer = ''
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n')
      let end = buffer.indexOf('\n\n')
      while (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        let event = 'message'
        const data: string[] = []
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim()
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
        }
        if (data.length > 0) onEvent(event, data.join('\n'))
        end = buffer.indexOf('\n\n')
      }
    }
  } finally {
    signal.removeEventListener('abort', cancel)
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Resolves after `ms`, or as soon as any of the signals aborts. */
export function sleep(ms: number, ...signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    if (signals.some((s) => s.aborted)) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      for (const s of signals) s.removeEventListener('abort', done)
      resolve()
    }
    for (const s of signals) s.addEventListener('abort', done, { once: true })
  })
}
