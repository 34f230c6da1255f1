import type { ClientApi, Contract } from '../../domain/contract'
import type { Result } from '../../domain/errors'

/** Sends one call by its wire name `<namespace>.<method>`; in the preload it is ipcRenderer.invoke. */
export type Invoke = (name: string, input: unknown) => Promise<unknown>

/**
 * Builds `{ [namespace]: { [method]: (input) => Promise<Result> } }` from the contract: one fixed
 * function per call, so the page can name a call but never choose a channel, and only the single
 * input argument crosses (no event objects, no extra arguments). Every level is frozen.
 */
export function buildApi<C extends Contract>(contract: C, invoke: Invoke): ClientApi<C> {
  const api: Record<string, Readonly<Record<string, (input: unknown) => Promise<Result<unknown>>>>> = {}
  for (const [namespace, calls] of Object.entries(contract)) {
    const methods: Record<string, (input: unknown) => Promise<Result<unknown>>> = {}
    for (const method of Object.keys(calls)) {
      const name = `${namespace}.${method}`
      methods[method] = (input: unknown) => invoke(name, input) as Promise<Result<unknown>>
    }
    api[namespace] = Object.freeze(methods)
  }
  return Object.freeze(api) as ClientApi<C>
}
