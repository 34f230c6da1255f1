import type { EnrolmentCode } from '../../../../domain/sync/contract'

export type CodeStatus = 'used' | 'expired' | 'unused'

/** A used code stays "used" after its expiry: which PC it enrolled is what IT looks for. */
export function codeStatus(
  code: Pick<EnrolmentCode, 'usedByDevice' | 'expiresAt'>,
  nowMs: number,
): CodeStatus {
  if (code.usedByDevice !== null) return 'used'
  return Date.parse(code.expiresAt) <= nowMs ? 'expired' : 'unused'
}
