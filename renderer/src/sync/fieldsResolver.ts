import type { FieldErrors, Resolver } from 'react-hook-form'
import { z } from 'zod'
import { fieldErrorsOf } from '../../../domain/validation'

export type RecordValues = Record<string, unknown>

/**
 * A react-hook-form resolver over one domain schema per field, for forms whose fields are known
 * only at run time (a refused change, a conflict's field). Messages stay i18n keys.
 */
export function fieldsResolver(schemas: Readonly<Record<string, z.ZodType>>): Resolver<RecordValues> {
  const schema = z.object({ ...schemas })
  return async (values) => {
    const result = schema.safeParse(values)
    if (result.success) return { values: result.data, errors: {} }
    const errors: FieldErrors<RecordValues> = {}
    for (const [path, message] of Object.entries(fieldErrorsOf(result.error))) {
      errors[path] = { type: 'validation', message }
    }
    return { values: {}, errors }
  }
}
