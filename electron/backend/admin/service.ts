import { z } from 'zod'
import type { adminCalls } from '../../../domain/admin/contract'
import { DomainError } from '../../../domain/errors'
import { AdminDevice, AdminUser, EnrolmentCode } from '../../../domain/sync/contract'
import type { SessionStore } from '../auth/sessions'
import type { Handlers } from '../dispatch'
import type { SyncHttpClient } from '../sync/httpClient'
import { SyncFailure } from '../sync/httpFailure'

/**
 * IT's screens. Users, memberships, devices and enrolment codes live on the central server, so
 * every call goes there with the administrator's own server session; the server checks the role
 * again. Offline, these screens say so instead of showing stale data.
 */
export function adminService(
  http: SyncHttpClient,
  sessions: SessionStore,
): Handlers<{ admin: typeof adminCalls }>['admin'] {
  const call = async <S extends z.ZodType>(
    sessionKey: string,
    schema: S,
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body?: unknown,
  ): Promise<z.infer<S>> => {
    const session = sessions.principalOf(sessionKey)?.serverSession
    if (!session) throw new DomainError('OFFLINE', 'Sign in while the server can be reached to manage users')
    try {
      return await http.admin(session, schema, method, path, body)
    } catch (error) {
      throw asDomainError(error)
    }
  }
  return {
    listUsers: (_input, { sessionKey }) => call(sessionKey, z.array(AdminUser), 'GET', '/users'),
    createUser: (input, { sessionKey }) => call(sessionKey, AdminUser, 'POST', '/users', input),
    updateUser: ({ id, ...changes }, { sessionKey }) =>
      call(sessionKey, AdminUser, 'PATCH', `/users/${encodeURIComponent(id)}`, changes),
    resetPassword: ({ id, password }, { sessionKey }) =>
      call(sessionKey, AdminUser, 'POST', `/users/${encodeURIComponent(id)}/password`, { password }),
    listDevices: (_input, { sessionKey }) => call(sessionKey, z.array(AdminDevice), 'GET', '/devices'),
    revokeDevice: ({ id }, { sessionKey }) =>
      call(sessionKey, AdminDevice, 'POST', `/devices/${encodeURIComponent(id)}/revoke`, {}),
    listEnrolmentCodes: (_input, { sessionKey }) =>
      call(sessionKey, z.array(EnrolmentCode), 'GET', '/enrolment-codes'),
    createEnrolmentCode: (_input, { sessionKey }) =>
      call(sessionKey, EnrolmentCode, 'POST', '/enrolment-codes', {}),
  }
}

/** The server's refusal as the app's coded error. */
function asDomainError(error: unknown): unknown {
  if (!(error instanceof SyncFailure)) return error
  switch (error.code) {
    case 'NETWORK':
    case 'TIMEOUT':
    case 'UNAVAILABLE':
    case 'BAD_RESPONSE':
      return new DomainError('OFFLINE', error.message)
    case 'UNAUTHENTICATED':
      return new DomainError('UNAUTHENTICATED', error.message)
    case 'FORBIDDEN':
      return new DomainError('FORBIDDEN', error.message)
    case 'NOT_FOUND':
      return new DomainError('NOT_FOUND', error.message)
    case 'BAD_REQUEST':
      return new DomainError('VALIDATION', error.message)
    case 'UPDATE_REQUIRED':
      return new DomainError('UPDATE_REQUIRED', error.message)
    case 'SERVER_OUTDATED':
      return new DomainError('SERVER_OUTDATED', error.message)
    default:
      return new DomainError(error.status === 409 ? 'DUPLICATE' : 'INTERNAL', error.message)
  }
}
