import { RejectReason } from '../../../../domain/sync/protocol'

const known = (reason: string): string => (RejectReason.safeParse(reason).success ? reason : 'unknown')

/** The i18n key of a refusal's reason; a code this version does not know still reads as a refusal. */
export const reasonKey = (reason: string): string => `sync.reason.${known(reason)}`

/** The i18n key of what a refusal means for the clerk and what they can do about it. */
export const reasonHintKey = (reason: string): string => `sync.reasonHint.${known(reason)}`
