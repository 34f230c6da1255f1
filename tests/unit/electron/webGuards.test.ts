import { describe, expect, it } from 'vitest'
import {
  isAllowedHost,
  isAllowedOrigin,
  isWellFormedSessionId,
  tokenMatches,
} from '../../../electron/backend/web/guards'
import { isAppRoute } from '../../../electron/backend/web/staticPath'

describe('isAllowedHost (DNS-rebinding guard)', () => {
  it.each(['127.0.0.1:4000', 'localhost:4000', 'LOCALHOST:4000'])('allows %s', (host) => {
    expect(isAllowedHost(host, 4000)).toBe(true)
  })
  it.each([
    undefined,
    '',
    '127.0.0.1',
    'localhost',
    '127.0.0.1:4001',
    'evil.example:4000',
    'evil.example',
    '127.0.0.1.nip.io:4000',
    'localhost.evil.example:4000',
    '[::1]:4000',
    '0.0.0.0:4000',
    '127.0.0.1:4000, evil.example',
  ])('refuses %s', (host) => {
    expect(isAllowedHost(host, 4000)).toBe(false)
  })
})

describe('isAllowedOrigin', () => {
  it.each([undefined, 'http://127.0.0.1:4000', 'http://localhost:4000'])('allows %s', (origin) => {
    expect(isAllowedOrigin(origin, 4000)).toBe(true)
  })
  it.each([
    'null',
    '',
    'https://127.0.0.1:4000',
    'http://127.0.0.1:4001',
    'http://evil.example',
    'http://127.0.0.1:4000.evil.example',
    'app://rustavi',
    'file://',
  ])('refuses %s', (origin) => {
    expect(isAllowedOrigin(origin, 4000)).toBe(false)
  })
})

describe('tokenMatches', () => {
  const token = 'A'.repeat(43)
  it('accepts the exact token only', () => {
    expect(tokenMatches(token, token)).toBe(true)
    for (const given of [
      undefined,
      '',
      'A'.repeat(42),
      'A'.repeat(44),
      `${'A'.repeat(42)}B`,
      token.toLowerCase(),
    ]) {
      expect(tokenMatches(given, token)).toBe(false)
    }
  })
  it('never matches an empty expected token', () => {
    expect(tokenMatches('', '')).toBe(false)
  })
})

describe('isWellFormedSessionId', () => {
  it('accepts 32 random bytes in base64url only', () => {
    expect(isWellFormedSessionId('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO-_')).toBe(true)
    for (const value of [undefined, '', 'short', '../../etc/passwd', `${'a'.repeat(42)}=`, 'a'.repeat(44)]) {
      expect(isWellFormedSessionId(value)).toBe(false)
    }
  })
})

describe('isAppRoute (SPA fallback)', () => {
  it('treats extension-less paths as routes and files as files', () => {
    expect(isAppRoute('/')).toBe(true)
    expect(isAppRoute('/property/123')).toBe(true)
    expect(isAppRoute('/assets/index-abc.js')).toBe(false)
    expect(isAppRoute('/favicon.ico')).toBe(false)
  })
})
