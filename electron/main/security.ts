import { resolveStaticPath } from '../backend/web/staticPath'

/** The renderer is served from `app://rustavi/`; nothing else is ever "our" content. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'rustavi'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

const MAX_EXTERNAL_URL_LENGTH = 2048

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True for our own content only: `app://rustavi/...`, with no credentials or port. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url)
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/**
 * Links the shell may hand to the operating system. Only https pages and mail; never file:, smb:,
 * custom schemes or javascript:, which could run programs or leak NTLM credentials on Windows.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return false
  const parsed = parseUrl(url)
  if (parsed === null) return false
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0
  return (
    parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
  )
}

export type NavigationDecision = 'allow' | 'deny'

/** The window may only ever show our own pages; every other navigation is stopped. */
export function decideNavigation(url: string): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny'
}

export interface SenderInfo {
  /** URL of the frame that sent the message; null when the frame is gone or navigated away. */
  frameUrl: string | null
  isMainFrame: boolean
  webContentsId: number
}

/** An IPC call is trusted only from the main frame of one of our windows, showing app:// content. */
export function isTrustedSender(sender: SenderInfo, ourWebContentsIds: ReadonlySet<number>): boolean {
  return (
    sender.frameUrl !== null &&
    sender.isMainFrame &&
    ourWebContentsIds.has(sender.webContentsId) &&
    isAppUrl(sender.frameUrl)
  )
}

/**
 * The file in `rendererDir` an `app://` request names, or null for a foreign URL or any path that
 * could leave the folder (see resolveStaticPath for the rules, shared with the web host).
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null
  const parsed = parseUrl(requestUrl)
  // Node parses app: as a non-special scheme, where `app://rustavi` has an empty path.
  return parsed === null ? null : resolveStaticPath(rendererDir, parsed.pathname || '/')
}

/**
 * Camera, microphone, geolocation, notifications, clipboard reading, HID, USB, serial...: a
 * registry application needs none of them, so every request and check is denied.
 */
export function decidePermission(_permission: string): boolean {
  return false
}
