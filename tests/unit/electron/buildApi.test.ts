import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { contract } from '../../../domain/api'
import { publicAccess } from '../../../domain/auth/access'
import { callNames, defineCalls } from '../../../domain/contract'
import { buildApi, type Invoke } from '../../../electron/preload/buildApi'

const spec = { input: z.object({}).strict(), output: z.string(), access: publicAccess }
const small = {
  property: defineCalls({ list: spec, get: spec }),
  auth: defineCalls({ signIn: spec }),
}

describe('buildApi', () => {
  it('has one function per call, grouped by namespace', () => {
    const api = buildApi(small, vi.fn<Invoke>())
    expect(Object.keys(api)).toEqual(['property', 'auth'])
    expect(Object.keys(api.property)).toEqual(['list', 'get'])
    expect(typeof api.auth.signIn).toBe('function')
  })

  it('invokes the wire name with the single input and returns its answer', async () => {
    const invoke = vi.fn<Invoke>(async () => ({ ok: true, data: 'x' }))
    const api = buildApi(small, invoke)
    await expect(api.property.get({})).resolves.toEqual({ ok: true, data: 'x' })
    // Extra arguments from the page never cross.
    await (api.auth.signIn as (...args: unknown[]) => Promise<unknown>)({ a: 1 }, 'channel', () => 0)
    expect(invoke.mock.calls).toEqual([
      ['property.get', {}],
      ['auth.signIn', { a: 1 }],
    ])
  })

  it('is frozen at every level, so the page cannot swap a call', () => {
    const api = buildApi(small, vi.fn<Invoke>())
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.isFrozen(api.property)).toBe(true)
    expect(() => {
      ;(api.property as Record<string, unknown>).list = () => 'hijacked'
    }).toThrow(TypeError)
  })

  it('exposes nothing but the calls: no channel parameter, invoke or send', () => {
    const api = buildApi(contract, vi.fn<Invoke>())
    const exposed = Object.entries(api).flatMap(([ns, methods]) =>
      Object.keys(methods).map((m) => `${ns}.${m}`),
    )
    expect(exposed).toEqual(callNames(contract))
    for (const methods of Object.values(api)) {
      for (const fn of Object.values(methods)) expect(fn.length).toBe(1)
    }
  })
})
