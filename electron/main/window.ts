import { BrowserWindow, type Session, shell, type WebContents } from 'electron'
import { APP_ENTRY_URL, decideNavigation, decidePermission, isSafeExternalUrl } from './security'

/** The one application window: isolated, sandboxed, loading only our app:// content. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      // Set explicitly, defaults or not: reviewers and electronegativity read them here.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(APP_ENTRY_URL)
  return window
}

/**
 * Navigation, pop-up and webview guards for any web contents. Installed from `web-contents-created`
 * so no contents (a window, a devtools or a future one) is ever left unguarded.
 */
export function guardWebContents(contents: WebContents): void {
  const stopForeign = (event: { url: string; preventDefault(): void }) => {
    if (decideNavigation(event.url) === 'deny') event.preventDefault()
  }
  contents.on('will-navigate', stopForeign)
  contents.on('will-frame-navigate', stopForeign)
  contents.on('will-redirect', stopForeign)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // A link to a municipal web page opens in the user's browser, never inside the app.
    if (isSafeExternalUrl(url)) shell.openExternal(url).catch(() => undefined)
    return { action: 'deny' }
  })
}

/** No web permission (camera, notifications, USB, clipboard reading...) is ever granted. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(decidePermission(permission)),
  )
  session.setPermissionCheckHandler((_contents, permission) => decidePermission(permission))
  session.setDevicePermissionHandler(() => false)
}
