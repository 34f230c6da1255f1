import { protocol } from 'electron'
import { securityHeaders } from '../backend/web/csp'
import { readStaticFile } from '../backend/web/staticFiles'
import { APP_SCHEME, resolveAppPath } from './security'

/**
 * Must run before the app is ready. `standard` gives relative URLs, an origin and web storage;
 * `secure` makes it a secure context like https; `supportFetchAPI` lets module scripts load;
 * `codeCache` keeps V8's compiled bundle between starts. Not `corsEnabled`: our pages load their
 * modules same-origin, and leaving it off keeps the scheme unreadable to any other origin.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

/** Serves the built renderer on `app://rustavi/` with the same CSP and headers as the web host. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound()
    // Refuses a foreign host or an unsafe path before anything touches the disk.
    if (resolveAppPath(rendererDir, request.url) === null) return notFound()
    const file = await readStaticFile(rendererDir, new URL(request.url).pathname || '/')
    if (!file) return notFound()
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: {
        ...securityHeaders(),
        'content-type': file.contentType,
        'cache-control': file.isShell ? 'no-store' : 'no-cache',
      },
    })
  })
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...securityHeaders(), 'content-type': 'text/plain' },
  })
}
