import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../domain/sync/protocol'

/** Wire protocol versions this server speaks. */
export const supportedProtocol = { min: 1, max: PROTOCOL_VERSION } as const

/**
 * Data-model versions it accepts changes from. Only the current one until the server learns to
 * upcast older mutations (research/sync.md 6.10 allows N-2 once it does).
 */
export const supportedSchema = { min: SCHEMA_VERSION, max: SCHEMA_VERSION } as const
