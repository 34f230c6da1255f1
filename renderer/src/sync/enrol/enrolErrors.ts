import type { ApiError } from '../../../../domain/errors'

export type EnrolField = 'serverUrl' | 'code' | 'deviceName'

/**
 * Where a refused enrolment's message belongs when the backend names no field: a refused code
 * beside the code, an unreachable server beside its address. Anything else is the form's alert.
 */
export function enrolErrorField(error: ApiError): { field: EnrolField; key: string } | null {
  if (error.fields && Object.keys(error.fields).length > 0) return null
  if (error.code === 'ENROLMENT_REFUSED') return { field: 'code', key: 'errors.ENROLMENT_REFUSED' }
  if (error.code === 'OFFLINE') return { field: 'serverUrl', key: 'sync.enrol.serverUnreachable' }
  return null
}

/** A malformed address is said in words that show what a whole address looks like. */
export const enrolMessageFor = (field: string, key: string | undefined): string | undefined =>
  field === 'serverUrl' && key === 'validation.invalidFormat' ? 'sync.enrol.serverUrlInvalid' : key
