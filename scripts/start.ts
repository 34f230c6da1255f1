// `npm start` (after the build) and `npm run start:web`: the embedded central server first, on a
// free loopback port with the demo municipality, then the desktop app enrolled to it. Where no
// Electron binary can run (it cannot be downloaded on machines without internet access), or with
// --web, the same app runs in the browser through the web host.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultUserDataDir } from '../electron/backend/userDataDir'

const root = join(import.meta.dirname, '..')
const electronDir = join(root, 'node_modules', 'electron')
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs')

const { values, tokens } = parseArgs({
  options: {
    web: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    /** The size of the server's demo property registry on its first start. */
    'demo-objects': { type: 'string' },
    /** Households of the server's demo sanitation registry on its first start (a tenth as many organisations). */
    'demo-payers': { type: 'string' },
    /** The web host's port, passed on (declared so that `--port 4780` keeps its value). */
    port: { type: 'string' },
  },
  strict: false,
  tokens: true,
})
/** Everything else goes to the web host (`--port`, `--no-open`, ...). */
const passOn = tokens
  .filter((t) => t.kind === 'option' && !['web', 'data-dir', 'demo-objects', 'demo-payers'].includes(t.name))
  .flatMap((t) => (t.kind === 'option' ? [t.rawName, ...(t.value !== undefined ? [t.value] : [])] : []))

const userDataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultUserDataDir()
const serverDataDir = join(userDataDir, 'central-server')

function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** Electron's npm package fetches its binary on first use; try once, quietly, with a time limit. */
function fetchElectron(): string | null {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return null
  console.log('Fetching the Electron binary (first start only)...')
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 })
  return electronBinary()
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

/**
 * The first start seeds the demo municipality before the server listens: the whole city's sanitation
 * registry takes one to two minutes on PGlite (`--demo-payers` makes it smaller).
 */
const SERVER_START_LIMIT_MS = 10 * 60_000
const SAY_PREPARING_AFTER_MS = 5_000

async function waitForHealth(url: string, server: ChildProcess, firstStart: boolean): Promise<void> {
  const started = Date.now()
  let saidPreparing = !firstStart
  while (Date.now() - started < SERVER_START_LIMIT_MS) {
    if (server.exitCode !== null) throw new Error(`the central server stopped (exit code ${server.exitCode})`)
    try {
      const response = await fetch(`${url}/health`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    if (!saidPreparing && Date.now() - started > SAY_PREPARING_AFTER_MS) {
      saidPreparing = true
      console.log(
        'The central server is preparing the demo municipality (first start only, about two minutes) ...',
      )
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the central server did not answer within ${SERVER_START_LIMIT_MS / 60_000} minutes`)
}

const firstStart = !existsSync(serverDataDir)
const port = await freePort()
const serverUrl = `http://127.0.0.1:${port}`
console.log(`Starting the embedded central server (data in ${serverDataDir}) ...`)
const server = spawn(
  process.execPath,
  [
    tsx,
    join(root, 'server/main.ts'),
    '--data-dir',
    serverDataDir,
    '--port',
    String(port),
    '--demo',
    ...(typeof values['demo-objects'] === 'string' ? ['--demo-objects', values['demo-objects']] : []),
    ...(typeof values['demo-payers'] === 'string' ? ['--demo-payers', values['demo-payers']] : []),
  ],
  {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  },
)
let app: ChildProcess | null = null
const stopAll = (signal: NodeJS.Signals) => {
  app?.kill(signal)
  server.kill(signal)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal))

try {
  await waitForHealth(serverUrl, server, firstStart)
} catch (error) {
  console.error(`The embedded central server could not start: ${(error as Error).message}`)
  server.kill('SIGTERM')
  process.exit(1)
}
const enrolCode = readFileSync(join(serverDataDir, 'demo-enrolment-code'), 'utf8').trim()
const env = { ...process.env, RUSTAVI_SERVER_URL: serverUrl, RUSTAVI_ENROL_CODE: enrolCode }

const binary = values.web ? null : (electronBinary() ?? fetchElectron())
if (!binary && !values.web) {
  console.log(
    'The Electron binary is not available on this machine (it could not be downloaded), so the desktop window cannot open.\n' +
      'Starting the same application in the browser through the web host instead.\n',
  )
}
app = binary
  ? spawn(binary, [root], { stdio: 'inherit', env })
  : spawn(
      process.execPath,
      [tsx, join(root, 'electron/backend/web/serve.ts'), '--data-dir', userDataDir, ...passOn],
      { stdio: 'inherit', env },
    )
app.on('exit', (code) => {
  server.kill('SIGTERM')
  server.on('exit', () => process.exit(code ?? 0))
})
