import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { publicAccess } from '../../../domain/auth/access'
import { defineCalls } from '../../../domain/contract'
import { createHttpApi } from '../../../renderer/src/api/httpApi'
import { type TokenPlace, takeWebToken, tokenFromHash } from '../../../renderer/src/api/webToken'

const spec = { input: z.object({}).strict(), output: z.string(), access: publicAccess }
const small = { property: defineCalls({ list: spec }), auth: defineCalls({ session: spec }) }
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('createHttpApi', () => {
  it('POSTs the JSON input to /api/<ns>.<method> with the token and same-origin cookies', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => json({ ok: true, data: 'rows' }))
    const api = createHttpApi(small, 'tok', fetchImpl)
    await expect(api.property.list({})).resolves.toEqual({ ok: true, data: 'rows' })
    expect(fetchImpl).toHaveBeenCalledWith('/api/property.list', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-api-token': 'tok', 'content-type': 'application/json' },
      body: '{}',
    })
  })

  it('sends no body for an undefined input', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => json({ ok: true, data: 'x' }))
    await createHttpApi(small, 'tok', fetchImpl).auth.session(undefined as never)
    expect(fetchImpl.mock.calls[0]?.[1]).toMatchObject({ body: null, headers: { 'x-api-token': 'tok' } })
  })

  it('returns the coded error body of a 401 or 413 as it is', async () => {
    const error = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Missing or wrong API token' } }
    const api = createHttpApi(small, 'bad', async () => json(error, 401))
    await expect(api.property.list({})).resolves.toEqual(error)
  })

  it('turns a network failure into an INTERNAL "network" error value', async () => {
    const api = createHttpApi(small, 'tok', async () => {
      throw new TypeError('Failed to fetch')
    })
    await expect(api.property.list({})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'network' },
    })
  })

  it('turns a body that is not a Result into an INTERNAL error value', async () => {
    const html = createHttpApi(small, 'tok', async () => new Response('<html>', { status: 502 }))
    await expect(html.property.list({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    const other = createHttpApi(small, 'tok', async () => json({ hello: 1 }))
    await expect(other.property.list({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('is frozen like the preload API', () => {
    const api = createHttpApi(small, 'tok', vi.fn<typeof fetch>())
    expect(Object.isFrozen(api) && Object.isFrozen(api.property)).toBe(true)
  })
})

function place(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored === null ? [] : [['rustavi.apiToken', stored]])
  const replaceState = vi.fn()
  const value: TokenPlace = {
    location: { hash, pathname: '/', search: '?x=1' },
    history: { state: { k: 1 }, replaceState },
    sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
  }
  return { value, storage, replaceState }
}

describe('web token', () => {
  it('reads #token=... from the hash', () => {
    expect(tokenFromHash('#token=abc')).toBe('abc')
    expect(tokenFromHash('#a=1&token=abc')).toBe('abc')
    expect(tokenFromHash('')).toBeNull()
    expect(tokenFromHash('#token=')).toBeNull()
    expect(tokenFromHash('#/property')).toBeNull()
  })

  it('moves the token to sessionStorage and out of the address bar', () => {
    const { value, storage, replaceState } = place('#token=abc')
    expect(takeWebToken(value)).toBe('abc')
    expect(storage.get('rustavi.apiToken')).toBe('abc')
    expect(replaceState).toHaveBeenCalledWith({ k: 1 }, '', '/?x=1')
  })

  it('keeps other hash parameters', () => {
    const { value, replaceState } = place('#token=abc&view=map')
    takeWebToken(value)
    expect(replaceState).toHaveBeenCalledWith({ k: 1 }, '', '/?x=1#view=map')
  })

  it('uses the stored token after a reload, and an empty one when there is none', () => {
    const reloaded = place('', 'stored')
    expect(takeWebToken(reloaded.value)).toBe('stored')
    expect(reloaded.replaceState).not.toHaveBeenCalled()
    expect(takeWebToken(place('').value)).toBe('')
  })
})
