import { hostname } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, type BrowserWindow, dialog, ipcMain, session, shell, webContents } from 'electron'
import { contract } from '../../domain/api'
import { callNames } from '../../domain/contract'
import { demoSanitationSize } from '../../domain/sanitation/demoIds'
import { startBackend } from '../backend/startBackend'
import { bindContract } from './ipcBinding'
import { createPdfPrinter } from './pdfPrinter'
import { registerAppScheme, serveRenderer } from './protocol'
import { isTrustedSender } from './security'
import { createMainWindow, guardSession, guardWebContents } from './window'

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/.
const mainDir = fileURLToPath(new URL('.', import.meta.url))
const preloadPath = join(mainDir, '../preload/index.cjs')
const rendererDir = join(mainDir, '../renderer')

/** Web contents ids of our own windows: the only IPC senders that are trusted. */
const ourWindows = new Set<number>()
let backend: { close(): Promise<void> | void } | null = null
let mainWindow: BrowserWindow | null = null

app.enableSandbox()
registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database: hand over to the running one.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    if (!backend) return
    // Let the store close cleanly (WAL checkpoint) before the process ends.
    event.preventDefault()
    const closing = backend
    backend = null
    Promise.resolve()
      .then(() => closing.close())
      .catch((error: unknown) => console.error('Closing the backend failed', error))
      .finally(() => app.quit())
  })
  app.whenReady().then(start).catch(fail)
}

async function start(): Promise<void> {
  guardSession(session.defaultSession)
  serveRenderer(rendererDir)
  const started = await startBackend({
    userDataDir: app.getPath('userData'),
    migrationsFolder: join(app.getAppPath(), 'migrations'),
    // A first run starts with the demo municipality, so a new user sees a working registry: from
    // the embedded central server `npm start` runs beside the app, or generated here when alone.
    demoObjects: 2500,
    demoPayers: demoSanitationSize,
    appVersion: app.getVersion(),
    deviceName: hostname(),
    printToPdf: createPdfPrinter({
      contentsOf: (id) => (ourWindows.has(id) ? (webContents.fromId(id) ?? null) : null),
      outputDir: join(app.getPath('userData'), 'printed'),
      openPath: (path) => shell.openPath(path),
    }),
    ...(process.env.RUSTAVI_SERVER_URL ? { serverUrl: process.env.RUSTAVI_SERVER_URL } : {}),
    ...(process.env.RUSTAVI_ENROL_CODE ? { enrolCode: process.env.RUSTAVI_ENROL_CODE } : {}),
  })
  backend = started
  bindContract(ipcMain, callNames(contract), started.dispatch, (sender) =>
    isTrustedSender(sender, ourWindows),
  )
  openWindow()
}

function openWindow(): void {
  const window = createMainWindow(preloadPath)
  const id = window.webContents.id
  ourWindows.add(id)
  mainWindow = window
  window.on('closed', () => {
    ourWindows.delete(id)
    if (mainWindow === window) mainWindow = null
  })
}

function fail(error: unknown): void {
  console.error('Start-up failed', error)
  dialog.showErrorBox(
    'Rustavi Back Office',
    `პროგრამა ვერ ჩაირთო. / The application could not start.\n\n${error instanceof Error ? error.message : String(error)}`,
  )
  app.exit(1)
}
