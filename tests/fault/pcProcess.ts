import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { compiledEntries } from './compiledEntries'
import type { AckedMutation, PcCommand, PcConfig, PcLine } from './pcProtocol'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

export class PcGone extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PcGone'
  }
}

export interface PcProcess {
  pid: number
  deviceId: string
  /**
   * Sends a command and resolves with its answer's data (rejects with its code, or PcGone).
   * `onAnswer` runs as the answer is read, before any line the PC wrote after it.
   */
  call<T = unknown>(command: PcCommand, timeoutMs?: number, onAnswer?: (data: T) => void): Promise<T>
  /** `kill -9`: no chance to finish a transaction, flush or say goodbye. */
  kill(): Promise<void>
  /** Asks the PC to stop its engine and close its store, then waits for the process to end. */
  stop(): Promise<void>
  exited: Promise<number | null>
  /** What the process wrote on stderr (for a failure report). */
  stderr(): string
}

/**
 * Starts a PC driver (tests/fault/pcDriver.ts, compiled once per process) under plain node, so the
 * pid is the PC itself and a SIGKILL hits it, not a wrapper. `onAck` gets each save the PC committed.
 */
export async function startPc(
  config: PcConfig,
  onAck: (mutations: AckedMutation[], number: string | undefined) => void,
): Promise<PcProcess> {
  return startDriver((await compiledEntries()).pcDriver, config, onAck)
}

function startDriver(
  nodeArgs: string[],
  config: PcConfig,
  onAck: (mutations: AckedMutation[], number: string | undefined) => void,
): Promise<PcProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, JSON.stringify(config)], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  // A write to a PC that was just killed fails with EPIPE; its pending calls are rejected on exit.
  child.stdin?.on('error', () => {})
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-20_000)
  })
  const pending = new Map<number, { resolve(data: unknown): void; reject(error: Error): void }>()
  let nextId = 1
  let gone = false
  // 'close', not 'exit': the ack lines a killed PC wrote before it died are all read by then, so the
  // harness knows every save on its disk before it puts a backup in place of that disk.
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      gone = true
      for (const p of pending.values()) p.reject(new PcGone(`PC ${child.pid} ended (${code})`))
      pending.clear()
      resolve(code)
    }),
  )

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`The PC driver did not start within 60 s:\n${stderr}`))
    }, 60_000)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`The PC driver ended (${code}) before it was ready:\n${stderr}`))
    })
    createInterface({ input: child.stdout! }).on('line', (text) => {
      let line: PcLine
      try {
        line = JSON.parse(text) as PcLine
      } catch {
        return
      }
      if ('ready' in line) {
        clearTimeout(timer)
        resolve(handleOf(line.deviceId))
      } else if ('ack' in line) {
        onAck(line.ack, line.number)
      } else {
        const p = pending.get(line.id)
        if (!p) return
        pending.delete(line.id)
        if (line.ok) p.resolve(line.data)
        else p.reject(Object.assign(new Error(`${line.code}: ${line.message}`), { code: line.code }))
      }
    })
  })

  function handleOf(deviceId: string): PcProcess {
    const handle: PcProcess = {
      pid: child.pid!,
      deviceId,
      call<T>(command: PcCommand, timeoutMs = 60_000, onAnswer?: (data: T) => void): Promise<T> {
        if (gone) return Promise.reject(new PcGone(`PC ${child.pid} has ended`))
        const id = nextId++
        return new Promise<T>((res, rej) => {
          const timer = setTimeout(() => {
            pending.delete(id)
            rej(new Error(`PC ${child.pid}: ${command.cmd} got no answer within ${timeoutMs} ms`))
          }, timeoutMs)
          pending.set(id, {
            resolve: (data) => {
              clearTimeout(timer)
              onAnswer?.(data as T)
              res(data as T)
            },
            reject: (error) => {
              clearTimeout(timer)
              rej(error)
            },
          })
          child.stdin!.write(`${JSON.stringify({ ...command, id })}\n`)
        })
      },
      async kill() {
        if (!gone) child.kill('SIGKILL')
        await exited
      },
      async stop() {
        if (gone) return
        await handle.call({ cmd: 'stop' }).catch(() => undefined)
        await exited
      },
      exited,
      stderr: () => stderr,
    }
    return handle
  }
}
