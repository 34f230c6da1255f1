import { useState } from 'react'
import type { FieldValues, UseFormSetError } from 'react-hook-form'
import { apiErrorOf } from '../app/apiFailure'
import { applyServerErrors } from './serverErrors'

export interface SubmitFailure {
  thrown: unknown
  /** Field messages that fit no field of the form. */
  unplaced: string[]
}

/**
 * Runs a form's call and, when the backend refuses it, puts its field messages on the fields and
 * keeps the failure for the form's alert.
 */
export function useServerSubmit<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
  prefix = '',
) {
  const [failure, setFailure] = useState<SubmitFailure | null>(null)
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setFailure(null)
    try {
      await action()
      return true
    } catch (thrown) {
      const unplaced = applyServerErrors(apiErrorOf(thrown), fieldNames, setError, prefix)
      setFailure({ thrown, unplaced })
      return false
    }
  }
  return { failure, run, clear: () => setFailure(null) }
}
