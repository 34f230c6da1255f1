import type { ServerDb } from '../context'

/** A transaction on the server database, as drizzle hands it to `db.transaction`. */
export type SyncTx = Parameters<Parameters<ServerDb['transaction']>[0]>[0]

/** Either the database or a transaction on it: reads work on both. */
export type Queryable = ServerDb | SyncTx
