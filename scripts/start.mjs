// `npm start` after the build: launch the desktop app; where no Electron binary can run (it cannot
// be downloaded on machines without internet access), run the same app through the web host.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronDir = join(root, 'node_modules', 'electron')

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** Electron's npm package fetches its binary on first use; try once, quietly, with a time limit. */
function fetchElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return null
  console.log('Fetching the Electron binary (first start only)...')
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 })
  return electronBinary()
}

const binary = electronBinary() ?? fetchElectron()
if (!binary) {
  console.log(
    'The Electron binary is not available on this machine (it could not be downloaded), so the desktop window cannot open.\n' +
      'Starting the same application in the browser through the web host instead.\n',
  )
}
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs')
const serve = join(root, 'electron/backend/web/serve.ts')
const child = binary
  ? spawn(binary, [root], { stdio: 'inherit' })
  : spawn(process.execPath, [tsx, serve, ...process.argv.slice(2)], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
