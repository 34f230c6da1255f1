import { isAbsolute, relative, resolve } from 'node:path'

/**
 * Maps a URL pathname (still percent-encoded) to a file inside `root`, or null when the path is
 * malformed or could point anywhere else. Each segment is decoded on its own so an encoded `/`,
 * `\` or `..` cannot form a new segment; dot segments, hidden files, empty segments, NUL, drive
 * letters and backslashes are refused outright rather than normalised. `/` means `index.html`.
 */
export function resolveStaticPath(root: string, pathname: string): string | null {
  if (!pathname.startsWith('/') || pathname.length > 1024) return null
  const raw = pathname === '/' ? ['index.html'] : pathname.slice(1).split('/')
  const segments: string[] = []
  for (const part of raw) {
    const segment = decodeSegment(part)
    if (segment === null || !isPlainSegment(segment)) return null
    segments.push(segment)
  }
  const base = resolve(root)
  const file = resolve(base, ...segments)
  const rel = relative(base, file)
  // Defence in depth: the checks above already make escaping impossible.
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  return file
}

/** A path for the single-page app rather than a file: its last segment has no extension. */
export function isAppRoute(pathname: string): boolean {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1)
  return !last.includes('.')
}

function decodeSegment(part: string): string | null {
  try {
    return decodeURIComponent(part)
  } catch {
    return null
  }
}

function isPlainSegment(segment: string): boolean {
  return (
    segment.length > 0 && !segment.startsWith('.') && !/[/\\:]/.test(segment) && !hasControlCharacter(segment)
  )
}

/** NUL and other control characters never occur in built asset names. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}
