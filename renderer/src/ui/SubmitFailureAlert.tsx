import { ErrorAlert } from './ErrorAlert'
import type { SubmitFailure } from './useServerSubmit'

/** A form's failed save: the error, and the field messages no field of the form shows. Nothing when none. */
export function SubmitFailureAlert({ failure }: { failure: SubmitFailure | null }) {
  return failure ? <ErrorAlert error={failure.thrown} extraMessages={failure.unplaced} /> : null
}
