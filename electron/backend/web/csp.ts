/**
 * The Content-Security-Policy of the renderer, the same for the app:// protocol (Electron) and the
 * loopback web host, so the UI is tested under the policy it ships with. Pinned by a unit test.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Mantine renders <style> elements for its CSS variables and style attributes for style props
    // at run time; styles cannot run code, so allowing inline styles is the accepted trade-off.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ')
}

/** Headers every response that serves the renderer carries, whatever the transport. */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  }
}
