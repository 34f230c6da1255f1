import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * The only Host headers the loopback web host answers. Anything else (a DNS name an attacker points
 * at 127.0.0.1) is a DNS-rebinding attempt from a web page and is refused.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false
  const value = host.toLowerCase()
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`
}

/** Same-origin requests only; a request without Origin (same-origin GET, non-browser) passes. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true
  const value = origin.toLowerCase()
  return value === `http://127.0.0.1:${port}` || value === `http://localhost:${port}`
}

/** Constant-time token comparison; hashing first makes the lengths equal and hides them too. */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string' || expected.length === 0) return false
  return timingSafeEqual(digest(given), digest(expected))
}

/** Session ids the host issues: 32 random bytes, base64url. Anything else is replaced. */
export function isWellFormedSessionId(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value)
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}
