import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { Department, Role } from '../domain/auth/roles'
import type { Scope } from '../domain/sync/protocol'

/** drizzle over either embedded PGlite or node-postgres: the server code never knows which. */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's schema parameter differs between the two drivers
export type ServerDb = PgDatabase<PgQueryResultHKT, any>

/** A PC, as its `Authorization: Bearer <device token>` identifies it. */
export interface DeviceAuth {
  deviceId: string
  epoch: number
}

/** A user, as the `x-rustavi-session` header (or a mutation's user id) identifies them. */
export interface UserAuth {
  userId: string
  username: string
  displayName: string
  role: Role
  departments: Department[]
}

/** Everything a request handler needs. Nothing here holds state another instance would need. */
export interface ServerContext {
  db: ServerDb
  /** Wakes every instance's event streams for a scope (PostgreSQL NOTIFY; in-process on PGlite). */
  notify(scope: Scope, seq: number): Promise<void>
  /** Called for each poke any instance sends; returns the unsubscribe function. */
  onPoke(listener: (scope: Scope, seq: number) => void): () => void
  now(): Date
}
