import type { FastifyRequest } from 'fastify'
import type { DeviceAuth, ServerContext } from '../context'
import { forbidden } from '../http/httpError'
import { authenticateDevice, authenticateSignedIn, type SignedIn } from './requestAuth'

// Route `onRequest` hooks: they authenticate before the body is read, so a caller without
// credentials cannot make the server parse megabytes. Handlers then read what the hook found.

const deviceOf = new WeakMap<FastifyRequest, DeviceAuth>()
const signedInOf = new WeakMap<FastifyRequest, SignedIn>()

export function requireDevice(ctx: ServerContext) {
  return async (request: FastifyRequest) => {
    deviceOf.set(request, await authenticateDevice(ctx, request))
  }
}

/**
 * `check` may refuse a signed-in user (an HttpError), e.g. one who is not an IT admin. A user still
 * on a temporary password is refused (403) everywhere but the routes that say `passwordChange`.
 */
export function requireSignedIn(
  ctx: ServerContext,
  check?: (signedIn: SignedIn) => void,
  options: { passwordChange?: boolean } = {},
) {
  return async (request: FastifyRequest) => {
    const signedIn = await authenticateSignedIn(ctx, request)
    if (signedIn.mustChangePassword && !options.passwordChange) {
      throw forbidden('The temporary password must be changed first')
    }
    check?.(signedIn)
    signedInOf.set(request, signedIn)
    deviceOf.set(request, signedIn.device)
  }
}

export function deviceOfRequest(request: FastifyRequest): DeviceAuth {
  const device = deviceOf.get(request)
  if (!device) throw new Error('The route lacks the requireDevice hook')
  return device
}

export function signedInOfRequest(request: FastifyRequest): SignedIn {
  const signedIn = signedInOf.get(request)
  if (!signedIn) throw new Error('The route lacks the requireSignedIn hook')
  return signedIn
}
