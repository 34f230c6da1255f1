import type { TFunction } from 'i18next'
import type { FieldError } from 'react-hook-form'

/** A form field's message (an i18n key from the schema or the backend), translated. */
export const fieldError = (t: TFunction, error: FieldError | undefined): string | undefined =>
  error?.message ? t(error.message) : undefined

/** The untranslated key, for inputs that translate (and may refine) it themselves. */
export const fieldErrorKey = (error: FieldError | undefined): string | undefined => error?.message
