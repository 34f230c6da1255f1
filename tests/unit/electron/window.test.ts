import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Session, WebContents } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../electron/backend/web/csp'
import { registerAppScheme, serveRenderer } from '../../../electron/main/protocol'
import { createMainWindow, guardSession, guardWebContents } from '../../../electron/main/window'
import { BrowserWindow, protocol, shell } from '../../stubs/electron'

// The shell's wiring, checked against the recording stub of 'electron' (see vitest.config.ts).

type Handler = (...args: never[]) => unknown

function fakeContents() {
  const listeners = new Map<string, Handler>()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  const contents = {
    on(event: string, listener: Handler) {
      listeners.set(event, listener)
      return contents
    },
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler
    },
  }
  const emit = (name: string, url: string) => {
    let prevented = false
    const listener = listeners.get(name) as ((event: unknown) => void) | undefined
    listener?.({ url, preventDefault: () => (prevented = true) })
    return prevented
  }
  return {
    contents: contents as unknown as WebContents,
    listeners,
    emit,
    open: (url: string) => openHandler?.({ url }),
  }
}

describe('createMainWindow', () => {
  it('creates an isolated, sandboxed window on app:// with the CommonJS preload', () => {
    createMainWindow('/app/out/preload/index.cjs')
    const window = BrowserWindow.created.at(-1)!
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(window.loadedUrl).toBe('app://rustavi/index.html')
  })
})

describe('guardWebContents', () => {
  it('stops navigation and redirects to anything but app://', () => {
    const { contents, emit } = fakeContents()
    guardWebContents(contents)
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(emit(event, 'https://evil.example/'), event).toBe(true)
      expect(emit(event, 'file:///C:/x.html'), event).toBe(true)
      expect(emit(event, 'app://rustavi/index.html'), event).toBe(false)
    }
  })

  it('blocks webviews', () => {
    const { contents, emit } = fakeContents()
    guardWebContents(contents)
    expect(emit('will-attach-webview', 'https://evil.example/')).toBe(true)
  })

  it('denies every new window and opens only safe links in the browser', () => {
    const { contents, open } = fakeContents()
    guardWebContents(contents)
    shell.opened.length = 0
    expect(open('https://rustavi.gov.ge/')).toEqual({ action: 'deny' })
    expect(open('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' })
    expect(open('app://rustavi/index.html')).toEqual({ action: 'deny' })
    expect(shell.opened).toEqual(['https://rustavi.gov.ge/'])
  })
})

describe('guardSession', () => {
  it('denies permission requests, checks and devices', () => {
    const handlers: Record<string, Handler> = {}
    const fake = {
      setPermissionRequestHandler: (h: Handler) => {
        handlers.request = h
      },
      setPermissionCheckHandler: (h: Handler) => {
        handlers.check = h
      },
      setDevicePermissionHandler: (h: Handler) => {
        handlers.device = h
      },
    }
    guardSession(fake as unknown as Session)
    const answers: boolean[] = []
    ;(handlers.request as (c: unknown, p: string, cb: (v: boolean) => void) => void)({}, 'media', (v) =>
      answers.push(v),
    )
    expect(answers).toEqual([false])
    expect((handlers.check as (c: unknown, p: string) => boolean)({}, 'notifications')).toBe(false)
    expect((handlers.device as () => boolean)()).toBe(false)
  })
})

describe('app:// protocol', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'protocol-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>shell</title>')
    await mkdir(join(dir, 'assets'))
    await writeFile(join(dir, 'assets', 'a-1.js'), 'export {}')
    await writeFile(join(dir, 'assets', 'font.woff2'), 'x')
    serveRenderer(dir)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const get = (url: string, method = 'GET') => protocol.handlers.get('app')!(new Request(url, { method }))

  it('registers app as a standard, secure, fetch-capable scheme', () => {
    registerAppScheme()
    expect(protocol.privileged).toContainEqual({
      scheme: 'app',
      privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
    })
  })

  it('serves files with the right type, the CSP and nosniff', async () => {
    const res = await get('app://rustavi/assets/a-1.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await get('app://rustavi/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2')
  })

  it('serves the shell for the entry and app routes, never cached', async () => {
    for (const url of ['app://rustavi/index.html', 'app://rustavi/', 'app://rustavi/property/42']) {
      const res = await get(url)
      expect(res.status, url).toBe(200)
      expect(await res.text()).toContain('<title>shell</title>')
      expect(res.headers.get('cache-control')).toBe('no-store')
    }
  })

  it('answers 404 for missing files, traversal, other hosts and other methods', async () => {
    for (const url of [
      'app://rustavi/assets/missing.js',
      'app://rustavi/..%2f..%2fetc%2fpasswd',
      'app://rustavi/assets/..%5c..%5csecret',
      'app://rustavi/index.html%00.js',
      'app://evil/index.html',
    ]) {
      const res = await get(url)
      expect(res.status, url).toBe(404)
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
    }
    expect((await get('app://rustavi/index.html', 'POST')).status).toBe(404)
  })
})
