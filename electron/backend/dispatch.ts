import type { z } from 'zod'
import { isAllowed, type Principal } from '../../domain/auth/access'
import type { CallSpec, Contract } from '../../domain/contract'
import { findCall } from '../../domain/contract'
import { DomainError, fail, ok, type Result } from '../../domain/errors'
import { fieldErrorsOf } from '../../domain/validation'

/** What the transport (IPC or web host) knows about the caller. */
export interface CallContext {
  /** Stable per window (IPC) or per browser session (web host); sessions are bound to it. */
  sessionKey: string
}

export interface CallScope extends CallContext {
  principal: Principal | null
}

type Handler<S extends CallSpec> = (
  input: z.output<S['input']>,
  scope: CallScope,
) => z.input<S['output']> | Promise<z.input<S['output']>>

export type Handlers<C extends Contract> = { [NS in keyof C]: { [M in keyof C[NS]]: Handler<C[NS][M]> } }

export interface SessionLookup {
  principalOf(sessionKey: string): (Principal & { mustChangePassword: boolean }) | null
}

/** Calls a user who must change the password may still make. */
const allowedBeforePasswordChange = new Set([
  'auth.signIn',
  'auth.session',
  'auth.signOut',
  'auth.changePassword',
])

export type Dispatch = (ctx: CallContext, name: string, rawInput: unknown) => Promise<Result<unknown>>

/**
 * The one entry point of every contract call, whatever the transport: find the call, check who may
 * make it, parse the input strictly, run the handler, check the output, and turn every failure into
 * a coded error value.
 */
export function createDispatch<C extends Contract>(
  contract: C,
  handlers: Handlers<C>,
  sessions: SessionLookup,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): Dispatch {
  return async (ctx, name, rawInput) => {
    const spec = findCall(contract, name)
    if (!spec) return fail('UNKNOWN_CALL', `Unknown call ${name.slice(0, 80)}`)
    const principal = sessions.principalOf(ctx.sessionKey)
    if (principal?.mustChangePassword && !allowedBeforePasswordChange.has(name)) {
      return fail('PASSWORD_CHANGE_REQUIRED', 'The password must be changed first')
    }
    if (!isAllowed(spec.access, principal)) {
      return principal ? fail('FORBIDDEN', 'Not permitted') : fail('UNAUTHENTICATED', 'Sign in first')
    }
    const parsed = spec.input.safeParse(rawInput)
    if (!parsed.success) return fail('VALIDATION', 'Invalid input', fieldErrorsOf(parsed.error))
    const [ns, method] = splitName(name)
    const handler = (handlers as Record<string, Record<string, Handler<CallSpec>>>)[ns]?.[method]
    if (!handler) return fail('UNKNOWN_CALL', `No handler for ${name}`)
    try {
      const output = await handler(parsed.data, { ...ctx, principal })
      const checked = spec.output.safeParse(output)
      if (!checked.success) {
        log(`Output of ${name} does not match its schema`, checked.error)
        return fail('INTERNAL', 'Internal error')
      }
      return ok(checked.data)
    } catch (error) {
      if (error instanceof DomainError) return fail(error.code, error.message, error.fields, error.children)
      log(`Call ${name} failed`, error)
      return fail('INTERNAL', 'Internal error')
    }
  }
}

function splitName(name: string): [string, string] {
  const dot = name.indexOf('.')
  return [name.slice(0, dot), name.slice(dot + 1)]
}
