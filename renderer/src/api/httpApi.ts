import type { ClientApi, Contract } from '../../../domain/contract'
import { fail, type Result } from '../../../domain/errors'

/**
 * The same shape as `window.api`, over HTTP to the loopback web host: each call is
 * `POST /api/<ns>.<method>` with the JSON input and the per-run token. The answer is the Result
 * itself (also on 401/413, whose bodies are coded errors); a failed request becomes an error value.
 */
export function createHttpApi<C extends Contract>(
  contract: C,
  token: string,
  fetchImpl: typeof fetch = fetch,
): ClientApi<C> {
  const call = async (name: string, input: unknown): Promise<Result<unknown>> => {
    let response: Response
    try {
      response = await fetchImpl(`/api/${name}`, {
        method: 'POST',
        credentials: 'same-origin',
        // No body for `undefined`: JSON has no such value, and an empty JSON body is a 400.
        headers:
          input === undefined
            ? { 'x-api-token': token }
            : { 'x-api-token': token, 'content-type': 'application/json' },
        body: input === undefined ? null : JSON.stringify(input),
      })
    } catch {
      return fail('INTERNAL', 'network')
    }
    try {
      const body: unknown = await response.json()
      return isResult(body) ? body : fail('INTERNAL', `HTTP ${response.status}`)
    } catch {
      return fail('INTERNAL', `HTTP ${response.status}`)
    }
  }

  const api: Record<string, Readonly<Record<string, (input: unknown) => Promise<Result<unknown>>>>> = {}
  for (const [namespace, calls] of Object.entries(contract)) {
    const methods: Record<string, (input: unknown) => Promise<Result<unknown>>> = {}
    for (const method of Object.keys(calls)) {
      const name = `${namespace}.${method}`
      methods[method] = (input: unknown) => call(name, input)
    }
    api[namespace] = Object.freeze(methods)
  }
  return Object.freeze(api) as ClientApi<C>
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  // `data: undefined` is dropped by JSON, so an ok Result may arrive without the key.
  if (value.ok === true) return true
  return value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null
}
