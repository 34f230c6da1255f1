import type { z } from 'zod'
import type { Access } from './auth/access'
import type { Result } from './errors'

/** One call of the API: its input and output schemas and who may make it. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  access: Access
}

export type CallTable = Record<string, CallSpec>

/** Declares a registry's calls; the identity function keeps the literal types. */
export const defineCalls = <T extends CallTable>(calls: T): T => calls

/** A namespace per registry: `{ property: propertyCalls, auth: authCalls }`. */
export type Contract = Record<string, CallTable>

export type CallInput<S extends CallSpec> = z.input<S['input']>
export type CallOutput<S extends CallSpec> = z.output<S['output']>

/** The shape `window.api` has, made from a contract: `api.property.list(input) -> Promise<Result>`. */
export type ClientApi<C extends Contract> = {
  [NS in keyof C]: {
    [M in keyof C[NS]]: (input: CallInput<C[NS][M]>) => Promise<Result<CallOutput<C[NS][M]>>>
  }
}

/** Every call flattened to its wire name `<namespace>.<method>`, used as IPC channel and HTTP path. */
export function callNames(contract: Contract): string[] {
  return Object.entries(contract).flatMap(([ns, calls]) => Object.keys(calls).map((m) => `${ns}.${m}`))
}

export function findCall(contract: Contract, name: string): CallSpec | undefined {
  const dot = name.indexOf('.')
  if (dot < 0) return undefined
  const ns = name.slice(0, dot)
  const method = name.slice(dot + 1)
  if (!Object.hasOwn(contract, ns)) return undefined
  const table = contract[ns]!
  return Object.hasOwn(table, method) ? table[method] : undefined
}
