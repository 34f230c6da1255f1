import type Database from 'better-sqlite3'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type * as schema from './schema'

/** The local store: drizzle over one better-sqlite3 connection (the only writer). */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }
