import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { demoSanitationSize } from '../../../domain/sanitation/demoIds'
import { startBackend } from '../startBackend'
import { defaultUserDataDir } from '../userDataDir'
import { startWebHost } from './host'

/**
 * `npm run start:web`: the same backend and UI as the desktop app, served on 127.0.0.1 for a
 * browser, for machines where Electron cannot start. Prints the URL (with its per-run token).
 */
const repoRoot = resolve(import.meta.dirname, '../../..')

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    'demo-objects': { type: 'string', default: '2500' },
    'demo-payers': { type: 'string', default: String(demoSanitationSize.households) },
    /** The central server to enrol with on a first run, and the one-time code (or RUSTAVI_* variables). */
    'server-url': { type: 'string' },
    'enrol-code': { type: 'string' },
    /** Start from an empty store (tests). */
    fresh: { type: 'boolean', default: false },
    'no-open': { type: 'boolean', default: false },
  },
})

const dataDir = resolve(values['data-dir'] ?? defaultUserDataDir())
const rendererDir = join(repoRoot, 'out/renderer')
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(
    `The renderer is not built (${rendererDir}). Run "npm run build" first, or use "npm run start:web".`,
  )
  process.exit(1)
}
if (values.fresh) rmSync(dataDir, { recursive: true, force: true })

const started = Date.now()
const serverUrl = values['server-url'] ?? process.env.RUSTAVI_SERVER_URL
const enrolCode = values['enrol-code'] ?? process.env.RUSTAVI_ENROL_CODE
const backend = await startBackend({
  userDataDir: dataDir,
  migrationsFolder: join(repoRoot, 'migrations'),
  demoObjects: Number(values['demo-objects']),
  demoPayers: {
    households: Number(values['demo-payers']),
    organisations: Math.round(Number(values['demo-payers']) / 10),
  },
  appVersion: (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string })
    .version,
  deviceName: `${hostname()} (browser)`,
  ...(serverUrl ? { serverUrl } : {}),
  ...(enrolCode ? { enrolCode } : {}),
})
const host = await startWebHost({
  dispatch: backend.dispatch,
  rendererDir,
  port: Number(values.port),
  // A fixed token is for automated tests only; people get a random one per run.
  ...(process.env.RUSTAVI_WEB_TOKEN ? { token: process.env.RUSTAVI_WEB_TOKEN } : {}),
})

console.log(`Data folder: ${dataDir}`)
console.log(`Ready in ${Date.now() - started} ms. Open the application in a browser:`)
console.log(`Web host: ${host.url}`)
if (!values['no-open']) openBrowser(host.url)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    host
      .close()
      .then(() => backend.close())
      .finally(() => process.exit(0))
  })
}

function openBrowser(url: string): void {
  const command =
    process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open'
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true })
    child.on('error', () => console.log('(No browser could be opened here; copy the address above.)'))
    child.unref()
  } catch {
    console.log('(No browser could be opened here; copy the address above.)')
  }
}
