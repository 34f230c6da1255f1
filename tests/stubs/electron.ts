// Stand-in for the 'electron' module in tests: the Electron binary cannot be downloaded on our
// machines, so no test may load the real module. Only the shapes the shell touches are here; the
// shell's tests read what was recorded (windows created, protocol handlers, links opened).
type Listener = (...args: never[]) => unknown

export const app = { getPath: (_name: string) => '/tmp', isPackaged: false }
export const ipcMain = { handle: () => undefined, removeHandler: () => undefined }
export const contextBridge = { exposeInMainWorld: () => undefined }
export const ipcRenderer = { invoke: async () => undefined }
export const dialog = { showErrorBox: (_title: string, _content: string) => undefined }

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url)
  },
}

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    protocol.privileged.push(...schemes)
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    protocol.handlers.set(scheme, handler)
  },
}

let nextContentsId = 1

export class BrowserWindow {
  static created: BrowserWindow[] = []
  readonly listeners = new Map<string, Listener[]>()
  readonly webContents = { id: nextContentsId++ }
  loadedUrl: string | null = null

  constructor(readonly options: Record<string, unknown>) {
    BrowserWindow.created.push(this)
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    return Promise.resolve()
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener)
  }
}

export const session = { defaultSession: {} }

export default { app, ipcMain, contextBridge, ipcRenderer, dialog, shell, protocol, BrowserWindow, session }
