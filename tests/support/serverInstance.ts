import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ServerDatabase } from '../../server/db/serverDatabase'
import { type RunningServer, startServer } from '../../server/startServer'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The central server in this process on a random loopback port, over a database the test owns. */
export function startTestServer(
  database: ServerDatabase,
  options: {
    now?: () => Date
    demoDataDir?: string
    demoObjects?: number
    demoPayers?: number
    bodyLimit?: number
    afterRestore?: boolean
  } = {},
): Promise<RunningServer> {
  return startServer({
    database,
    now: options.now,
    afterRestore: options.afterRestore,
    demoDataDir: options.demoDataDir,
    // Tests make their own records; the demo registries only when a test asks for them.
    demoObjects: options.demoObjects ?? 0,
    demoPayers: options.demoPayers ?? 0,
    app: { logLevel: 'silent', bodyLimit: options.bodyLimit },
  })
}

/** Households of the demo sanitation registry a server process seeds unless a test says otherwise. */
const TEST_DEMO_PAYERS = 100

export interface ServerProcess {
  url: string
  pid: number
  /** Everything it printed so far (stdout and stderr). */
  output(): string
  /** Sends a signal (SIGTERM by default; the fault harness sends SIGKILL). */
  kill(signal?: NodeJS.Signals): void
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>
}

/**
 * `server/main.ts` as a child process (node with tsx's loader, or its compiled file, so the pid is the
 * server itself and `kill -9` hits it, not a wrapper). Resolves once it prints its URL.
 */
export function startServerProcess(options: {
  dataDir: string
  demo?: boolean
  env?: Record<string, string>
  /** More command-line arguments (later ones win). */
  extraArgs?: string[]
  timeoutMs?: number
  /** Node's arguments that start the server: tsx's loader and server/main.ts unless given (tests/fault/compiledEntries.ts). */
  nodeArgs?: string[]
}): Promise<ServerProcess> {
  const entry = options.nodeArgs ?? ['--import', 'tsx', 'server/main.ts']
  const args = [...entry, '--data-dir', options.dataDir, '--port', '0']
  // The default demo is the whole city (642,790 sanitation rows); a test asks for more with extraArgs.
  if (options.demo) args.push('--demo', '--demo-payers', String(TEST_DEMO_PAYERS))
  args.push(...(options.extraArgs ?? []))
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`The server did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`))
    }, options.timeoutMs ?? 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(handleOf(child, match[1], () => output, exited))
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`The server exited (${code}) before it started:\n${output}`))
    })
  })
}

function handleOf(
  child: ChildProcess,
  url: string,
  output: () => string,
  exited: Promise<number | null>,
): ServerProcess {
  if (child.pid === undefined) throw new Error('The server process has no pid')
  return { url, pid: child.pid, output, kill: (signal = 'SIGTERM') => child.kill(signal), exited }
}
