import { RejectReason } from '../../../../domain/sync/protocol'

/** The i18n key of a refusal's reason; a code this version does not know still reads as a refusal. */
export const reasonKey = (reason: string): string =>
  RejectReason.safeParse(reason).success ? `sync.reason.${reason}` : 'sync.reason.unknown'
