import { describe, expect, it, vi } from 'vitest'
import type { Dispatch } from '../../../electron/backend/dispatch'
import { bindContract, type InvokeEventLike, type IpcMainLike } from '../../../electron/main/ipcBinding'
import { isTrustedSender } from '../../../electron/main/security'

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>

/** Records handlers like ipcMain does and lets a test invoke them as a renderer would. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      handlers.set(channel, listener)
    },
    removeHandler(channel) {
      handlers.delete(channel)
    },
  }
  const invoke = (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const handler = handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler(event, ...args)
  }
  return { ipc, handlers, invoke }
}

const mainFrame = (url: string) => ({ url, parent: null })
const event = (id: number, frame: InvokeEventLike['senderFrame']): InvokeEventLike => ({
  sender: { id },
  senderFrame: frame,
})
const trustedEvent = event(3, mainFrame('app://rustavi/index.html'))
const ours = new Set([3])
const isTrusted = (sender: Parameters<typeof isTrustedSender>[0]) => isTrustedSender(sender, ours)
const names = ['property.list', 'auth.signIn']

function setup(dispatch: Dispatch = vi.fn<Dispatch>(async () => ({ ok: true, data: 'done' }))) {
  const fake = fakeIpcMain()
  const unbind = bindContract(fake.ipc, names, dispatch, isTrusted)
  return { ...fake, dispatch, unbind }
}

describe('bindContract', () => {
  it('registers exactly one handler per call name', () => {
    const { handlers } = setup()
    expect([...handlers.keys()]).toEqual(names)
  })

  it("passes a trusted sender's call to dispatch with the window's session key", async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, data: [1, 2] }))
    const { invoke } = setup(dispatch)
    const result = await invoke('property.list', trustedEvent, { page: 2 })
    expect(result).toEqual({ ok: true, data: [1, 2] })
    expect(dispatch).toHaveBeenCalledTimes(1)
    expect(dispatch).toHaveBeenCalledWith({ sessionKey: 'ipc:3' }, 'property.list', { page: 2 })
  })

  it('passes only the first argument on', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, data: null }))
    const { invoke } = setup(dispatch)
    await invoke('auth.signIn', trustedEvent, { username: 'a' }, 'extra', { evil: true })
    expect(dispatch).toHaveBeenCalledWith({ sessionKey: 'ipc:3' }, 'auth.signIn', { username: 'a' })
  })

  it.each([
    ['a null senderFrame (navigated or destroyed)', event(3, null)],
    ['a subframe', event(3, { url: 'app://rustavi/index.html', parent: {} })],
    ['a foreign page', event(3, mainFrame('https://evil.example/'))],
    ['a file: page', event(3, mainFrame('file:///C:/evil.html'))],
    ['a window we did not create', event(4, mainFrame('app://rustavi/index.html'))],
  ])('answers %s with UNTRUSTED_SENDER and never dispatches', async (_label, untrusted) => {
    const dispatch = vi.fn<Dispatch>()
    const { invoke } = setup(dispatch)
    const result = await invoke('property.list', untrusted, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('treats a frame that throws when read (disposed) as untrusted', async () => {
    const dispatch = vi.fn<Dispatch>()
    const { invoke } = setup(dispatch)
    const disposed = {
      sender: { id: 3 },
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    }
    await expect(invoke('property.list', disposed, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('treats a throwing trust check as untrusted', async () => {
    const fake = fakeIpcMain()
    const dispatch = vi.fn<Dispatch>()
    bindContract(fake.ipc, names, dispatch, () => {
      throw new Error('bug')
    })
    await expect(fake.invoke('property.list', trustedEvent, {})).resolves.toMatchObject({
      error: { code: 'UNTRUSTED_SENDER' },
    })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('returns an error value, never a rejection, when dispatch throws', async () => {
    const { invoke } = setup(async () => {
      throw new Error('secret stack details')
    })
    const result = await invoke('property.list', trustedEvent, {})
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } })
  })

  it('returns error values from dispatch unchanged', async () => {
    const { invoke } = setup(async () => ({
      ok: false,
      error: { code: 'VALIDATION', message: 'Invalid input' },
    }))
    await expect(invoke('property.list', trustedEvent, 'garbage')).resolves.toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Invalid input' },
    })
  })

  it('removes its handlers when unbound', () => {
    const { handlers, unbind } = setup()
    unbind()
    expect(handlers.size).toBe(0)
  })
})
