import { fail, type Result } from '../../domain/errors'
import type { Dispatch } from '../backend/dispatch'
import type { SenderInfo } from './security'

/** The part of Electron's IpcMainInvokeEvent the binding reads; a test passes plain objects. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number }
  /** Null when the frame navigated away or was destroyed before the call arrived. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
}

/** The part of Electron's ipcMain the binding uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

/**
 * Registers one `ipcMain.handle` per contract call. Each handler checks the sender, then hands the
 * single argument to dispatch with the window's session key. It always resolves to a Result: an
 * exception thrown across IPC would reach the renderer as a bare message and no code.
 * Returns a function that removes the handlers again.
 */
export function bindContract(
  ipcMain: IpcMainLike,
  names: readonly string[],
  dispatch: Dispatch,
  isTrusted: (sender: SenderInfo) => boolean,
): () => void {
  for (const name of names) {
    ipcMain.handle(name, async (event, input): Promise<Result<unknown>> => {
      const sender = senderOf(event)
      if (sender === null || !safely(() => isTrusted(sender))) {
        return fail('UNTRUSTED_SENDER', 'The call did not come from the application window')
      }
      try {
        return await dispatch({ sessionKey: `ipc:${sender.webContentsId}` }, name, input)
      } catch {
        return fail('INTERNAL', 'Internal error')
      }
    })
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(name)
  }
}

/** Reading a disposed frame throws in Electron; that sender is simply not trusted. */
function senderOf(event: InvokeEventLike): SenderInfo | null {
  try {
    const frame = event.senderFrame
    return {
      frameUrl: frame?.url ?? null,
      isMainFrame: frame !== null && frame.parent === null,
      webContentsId: event.sender.id,
    }
  } catch {
    return null
  }
}

function safely(check: () => boolean): boolean {
  try {
    return check() === true
  } catch {
    return false
  }
}
