import { join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, securityHeaders } from '../../../electron/backend/web/csp'
import {
  APP_ENTRY_URL,
  decideNavigation,
  decidePermission,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  resolveAppPath,
} from '../../../electron/main/security'

describe('isAppUrl and decideNavigation', () => {
  it.each([
    APP_ENTRY_URL,
    'app://rustavi/',
    'app://rustavi/property/123?tab=leases#top',
    'app://RUSTAVI/index.html',
  ])('allows our own content %s', (url) => {
    expect(isAppUrl(url)).toBe(true)
    expect(decideNavigation(url)).toBe('allow')
  })

  it.each([
    'https://rustavi.gov.ge/',
    'http://127.0.0.1:5173/',
    'file:///C:/Windows/System32/calc.exe',
    'app://evil/index.html',
    'app://rustavi.evil.example/index.html',
    'app://rustavi:8080/index.html',
    'app://user:pass@rustavi/index.html',
    'app://user@rustavi/index.html',
    'appx://rustavi/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    '//rustavi/index.html',
    'rustavi/index.html',
    '',
    'not a url',
  ])('denies %s', (url) => {
    expect(isAppUrl(url)).toBe(false)
    expect(decideNavigation(url)).toBe('deny')
  })
})

describe('isSafeExternalUrl', () => {
  it.each(['https://rustavi.gov.ge/', 'https://napr.gov.ge/search?q=1#x', 'mailto:info@rustavi.gov.ge'])(
    'allows %s',
    (url) => expect(isSafeExternalUrl(url)).toBe(true),
  )

  it.each([
    'http://rustavi.gov.ge/',
    'file:///C:/Windows/System32/calc.exe',
    'file://server/share/x.exe',
    'smb://server/share',
    '\\\\server\\share\\x.exe',
    'javascript:alert(1)',
    'data:text/html,x',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'app://rustavi/index.html',
    'https://user:pass@evil.example/',
    'https://user@evil.example/',
    'mailto:',
    'ftp://example.com/',
    'vbscript:msgbox(1)',
    `https://example.com/${'a'.repeat(3000)}`,
    'https:',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false))
})

describe('isTrustedSender', () => {
  const ours = new Set([7])
  const good = { frameUrl: 'app://rustavi/index.html', isMainFrame: true, webContentsId: 7 }

  it('trusts the main frame of our window on app://', () => {
    expect(isTrustedSender(good, ours)).toBe(true)
  })

  it.each([
    ['a destroyed or navigated frame', { ...good, frameUrl: null }],
    ['a subframe', { ...good, isMainFrame: false }],
    ['a window we did not create', { ...good, webContentsId: 8 }],
    ['a foreign page', { ...good, frameUrl: 'https://evil.example/' }],
    ['a dev server page', { ...good, frameUrl: 'http://localhost:5173/' }],
    ['a file page', { ...good, frameUrl: 'file:///C:/x.html' }],
    ['another app host', { ...good, frameUrl: 'app://other/index.html' }],
  ])('rejects %s', (_label, sender) => {
    expect(isTrustedSender(sender, ours)).toBe(false)
  })

  it('rejects every sender when no window is ours', () => {
    expect(isTrustedSender(good, new Set())).toBe(false)
  })
})

describe('resolveAppPath', () => {
  const dir = resolve('/srv/app/out/renderer')
  const inside = (file: string | null) => {
    expect(file).not.toBeNull()
    const rel = relative(dir, file!)
    expect(rel.startsWith('..')).toBe(false)
    expect(rel).not.toBe('')
  }

  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppPath(dir, 'app://rustavi/index.html')).toBe(join(dir, 'index.html'))
    expect(resolveAppPath(dir, 'app://rustavi/')).toBe(join(dir, 'index.html'))
    expect(resolveAppPath(dir, 'app://rustavi')).toBe(join(dir, 'index.html'))
    expect(resolveAppPath(dir, 'app://rustavi/assets/index-AbC123.js?v=1#x')).toBe(
      join(dir, 'assets', 'index-AbC123.js'),
    )
    expect(resolveAppPath(dir, 'app://rustavi/assets/noto%20sans.woff2')).toBe(
      join(dir, 'assets', 'noto sans.woff2'),
    )
    expect(resolveAppPath(dir, 'app://rustavi/%E1%83%A0.svg')).toBe(join(dir, 'რ.svg'))
  })

  // The URL parser resolves literal and %2e dot segments itself, so these stay inside the folder.
  it.each([
    'app://rustavi/../../../etc/passwd',
    'app://rustavi/assets/../../secret.txt',
    'app://rustavi/%2e%2e/%2e%2e/etc/passwd',
    'app://rustavi/.%2e/secret.txt',
  ])('keeps %s inside the folder', (url) => inside(resolveAppPath(dir, url)))

  it.each([
    'app://rustavi/..%2f..%2fetc%2fpasswd',
    'app://rustavi/..%2F..%2Fsecret.txt',
    'app://rustavi/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://rustavi/assets/..%5c..%5csecret.txt',
    'app://rustavi/..%5C..%5Csecret.txt',
    'app://rustavi/..\\..\\secret.txt',
    'app://rustavi/assets\\..\\..\\secret.txt',
    'app://rustavi/%2fetc%2fpasswd',
    'app://rustavi//etc/passwd',
    'app://rustavi///etc/passwd',
    'app://rustavi/C:/Windows/win.ini',
    'app://rustavi/C%3A%5CWindows%5Cwin.ini',
    'app://rustavi/%5C%5Cserver%5Cshare%5Cx',
    'app://rustavi/index.html%00.png',
    'app://rustavi/%00',
    'app://rustavi/assets/%00/x.js',
    'app://rustavi/%0a.js',
    'app://rustavi/.env',
    'app://rustavi/.git/config',
    'app://rustavi/assets/',
    'app://rustavi/%',
    'app://rustavi/%zz',
    'app://rustavi/%E0%A4%A',
    `app://rustavi/${'a/'.repeat(600)}x`,
    'app://evil/index.html',
    'app://rustavi:1/index.html',
    'file:///etc/passwd',
    'https://rustavi/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(dir, url)).toBeNull()
  })

  it('never returns a path outside the folder for arbitrary input', () => {
    const pieces = ['..', '%2e%2e', '.%2e', '%2f', '%5c', '\\', '/', 'a', '%00', 'C:', '%3a', '.', '']
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const file = resolveAppPath(dir, `app://rustavi/${a}${b}/${c}x`)
          if (file !== null) expect(file.startsWith(dir + sep)).toBe(true)
        }
      }
    }
  })
})

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'hid',
    'usb',
    'openExternal',
    'unknown',
  ])('denies %s', (permission) => expect(decidePermission(permission)).toBe(false))
})

describe('contentSecurityPolicy', () => {
  it('is pinned exactly', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
        "form-action 'none'",
    )
  })

  it('never allows inline or evaluated script', () => {
    expect(contentSecurityPolicy()).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|\*|http)/)
  })

  it('travels with nosniff and no-referrer', () => {
    expect(securityHeaders()).toMatchObject({
      'content-security-policy': contentSecurityPolicy(),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    })
  })
})
