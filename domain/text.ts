import { z } from 'zod'

/** Row ids are UUIDv7 strings (time-ordered). */
export const Id = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'validation.invalidId')

/** Names, titles, streets: required, one line. */
export const ShortText = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(200, 'validation.tooLong')
  .regex(/^[^\n\r\0]*$/, 'validation.singleLine')

/** Optional one-line text: empty string means "not given". */
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .regex(/^[^\n\r\0]*$/, 'validation.singleLine')

/** Free notes, several lines. */
export const LongText = z
  .string()
  .max(4000, 'validation.tooLong')
  .regex(/^[^\0]*$/, 'validation.invalid')
