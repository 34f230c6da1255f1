import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { mimeTypeOf } from './mimeTypes'
import { isAppRoute, resolveStaticPath } from './staticPath'

export interface StaticFile {
  body: Buffer
  contentType: string
  /** HTML (the app's shell): never cached, so a new build is picked up at once. */
  isShell: boolean
}

/**
 * Reads the built renderer file a request path names. A route of the single-page app (no file
 * extension) falls back to index.html; a refused path (see resolveStaticPath) never does.
 */
export async function readStaticFile(rendererDir: string, pathname: string): Promise<StaticFile | null> {
  const file = resolveStaticPath(rendererDir, pathname)
  if (file === null) return null
  const body = await readIfFile(file)
  if (body) {
    const contentType = mimeTypeOf(file)
    return { body, contentType, isShell: contentType.startsWith('text/html') }
  }
  if (!isAppRoute(pathname)) return null
  const shell = await readIfFile(join(rendererDir, 'index.html'))
  return shell ? { body: shell, contentType: mimeTypeOf('index.html'), isShell: true } : null
}

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file)
  } catch {
    // Missing file, a directory (EISDIR) or unreadable: all simply "not found".
    return null
  }
}
