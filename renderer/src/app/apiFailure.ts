import type { ApiError, ErrorCode, Result } from '../../../domain/errors'

/** A failed call, thrown so TanStack Query sees an error; the coded ApiError rides along. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(`${error.code}: ${error.message}`)
    this.name = 'ApiFailure'
  }
}

/** The data of a successful Result, or an ApiFailure. Every query and mutation goes through it. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new ApiFailure(result.error)
  return result.data
}

/** The ApiError inside anything a query or mutation may throw (a bug becomes INTERNAL). */
export function apiErrorOf(thrown: unknown): ApiError {
  if (thrown instanceof ApiFailure) return thrown.error
  return { code: 'INTERNAL', message: thrown instanceof Error ? thrown.message : String(thrown) }
}

export const hasCode = (thrown: unknown, code: ErrorCode): boolean =>
  thrown instanceof ApiFailure && thrown.error.code === code
