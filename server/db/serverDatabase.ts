import { fileURLToPath } from 'node:url'
import type { ServerDb } from '../context'

/** The server's database, whichever engine holds it. */
export interface ServerDatabase {
  db: ServerDb
  kind: 'pglite' | 'postgres'
  /** Calls `onPayload` for every NOTIFY on `channel`, from any connection; resolves once listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>
  notify(channel: string, payload: string): Promise<void>
  close(): Promise<void>
}

/** drizzle-kit's output for the server schema (`npm run db:generate:server`). */
export const serverMigrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url))
