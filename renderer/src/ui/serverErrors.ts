import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import type { ApiError } from '../../../domain/errors'

/**
 * Puts the backend's field messages (VALIDATION, DUPLICATE ...) next to the form's own fields and
 * returns the ones that belong to no field, for the form's general error.
 */
export function applyServerErrors<T extends FieldValues>(
  error: ApiError,
  fieldNames: readonly string[],
  setError: UseFormSetError<T>,
  prefix = '',
): string[] {
  const unplaced: string[] = []
  for (const [path, key] of Object.entries(error.fields ?? {})) {
    const field = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path
    if (fieldNames.includes(field))
      setError(field as Path<T>, { type: 'server', message: key }, { shouldFocus: true })
    else unplaced.push(key)
  }
  return unplaced
}
