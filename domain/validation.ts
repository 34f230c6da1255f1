import { z } from 'zod'

/**
 * Zod's built-in messages are English sentences; ours are i18n keys, so the backend and the
 * renderer show the same translated text. Schemas give their own key where a generic one is vague.
 */
export function messageKeyFor(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'validation.required' : 'validation.invalidType'
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1 ? 'validation.required' : 'validation.tooShort'
      return 'validation.tooSmall'
    case 'too_big':
      return issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooBig'
    case 'unrecognized_keys':
      return 'validation.unknownField'
    case 'invalid_format':
      return 'validation.invalidFormat'
    case 'invalid_value':
      return 'validation.invalidChoice'
    default:
      return 'validation.invalid'
  }
}

z.config({ customError: (issue) => messageKeyFor(issue) })

/** Field path -> i18n key, first issue per field wins. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path]
    for (const path of keys) {
      const name = path.length ? path.map(String).join('.') : '_'
      fields[name] ??= issue.message
    }
  }
  return fields
}
