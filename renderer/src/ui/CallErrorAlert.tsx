import { apiErrorOf } from '../app/apiFailure'
import { ErrorAlert } from './ErrorAlert'

/**
 * A failed call that is not a form's: the translated code and, below it, each field message the
 * backend gave (a bank file's "not UTF-8", a run "already reversed"), which no field can show.
 */
export function CallErrorAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const fields = Object.values(apiErrorOf(error).fields ?? {})
  return <ErrorAlert error={error} onReload={onReload} extraMessages={[...new Set(fields)]} />
}
