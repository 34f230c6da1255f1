import type { ApiError } from '../../../domain/errors'

/** The i18n key of the sentence shown for a failed call: `errors.<code>`, or the network one. */
export function errorKey(error: ApiError): string {
  // The HTTP adapter reports a request that never got an answer as INTERNAL 'network'.
  if (error.code === 'INTERNAL' && error.message === 'network') return 'errors.network'
  return `errors.${error.code}`
}

/** The values the sentence names: for HAS_CHILDREN, each kind of record still referring, with its count. */
export function errorParams(error: ApiError, kindName: (entity: string) => string): Record<string, string> {
  const children = (error.children ?? []).map((c) => `${kindName(c.entity)}: ${c.count}`).join(', ')
  return { children }
}
