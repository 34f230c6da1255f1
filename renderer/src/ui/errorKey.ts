import type { ApiError } from '../../../domain/errors'

/** The i18n key of the sentence shown for a failed call: `errors.<code>`, or the network one. */
export function errorKey(error: ApiError): string {
  // The HTTP adapter reports a request that never got an answer as INTERNAL 'network'.
  if (error.code === 'INTERNAL' && error.message === 'network') return 'errors.network'
  return `errors.${error.code}`
}
