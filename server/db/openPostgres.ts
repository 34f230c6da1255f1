import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import type { ServerDatabase } from './serverDatabase'
import { serverMigrationsFolder } from './serverDatabase'

/** Any fixed number: instances starting together take this advisory lock to migrate one at a time. */
const MIGRATION_LOCK = 4_700_001
const RECONNECT_DELAY_MS = 1_000
/**
 * Settings of every pooled session. JIT off: the server's queries are short index scans whose cost
 * estimates still pass `jit_above_cost` (a snapshot page's parent rows with their "still referenced"
 * subquery is costed in the millions), and compiling them took about 300 ms for a 10 ms page.
 */
const SESSION_SETTINGS = '-c jit=off'

/**
 * PostgreSQL at `url` (DATABASE_URL). Several server instances may share it: each runs migrations
 * under an advisory lock, and pokes travel between them by LISTEN/NOTIFY on a dedicated connection.
 */
export async function openPostgres(
  url: string,
  options: { poolSize?: number } = {},
): Promise<ServerDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, options: SESSION_SETTINGS })
  // An idle client losing its connection (a database restart) must not crash the process.
  pool.on('error', () => {})
  const db = drizzle({ client: pool })
  try {
    await migrateUnderLock(url, db)
  } catch (error) {
    await pool.end()
    throw error
  }
  const listener = new NotificationListener(url)

  return {
    db,
    kind: 'postgres',
    listen: (channel, onPayload) => listener.listen(channel, onPayload),
    async notify(channel, payload) {
      await db.execute(sql`SELECT pg_notify(${channel}, ${payload})`)
    },
    async close() {
      await listener.close()
      await pool.end()
    },
  }
}

/** The lock is held on a connection of its own, so a pool of one can still run the migration. */
async function migrateUnderLock(url: string, db: Parameters<typeof migrate>[0]): Promise<void> {
  const lockHolder = new pg.Client({ connectionString: url })
  await lockHolder.connect()
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await migrate(db, { migrationsFolder: serverMigrationsFolder })
  } finally {
    await lockHolder.end()
  }
}

type Handler = (payload: string) => void

/** One connection that LISTENs on every channel asked for, reconnecting when the connection drops. */
class NotificationListener {
  private client: pg.Client | null = null
  private connecting: Promise<pg.Client> | null = null
  private readonly handlers = new Map<string, Set<Handler>>()
  private closed = false

  constructor(private readonly url: string) {}

  async listen(channel: string, handler: Handler): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel)
    if (!set) {
      set = new Set()
      this.handlers.set(channel, set)
      const client = await this.connection()
      await client.query(`LISTEN ${quoteIdentifier(channel)}`)
    }
    set.add(handler)
    return async () => {
      const current = this.handlers.get(channel)
      if (!current?.delete(handler) || current.size > 0) return
      this.handlers.delete(channel)
      if (this.client && !this.closed) {
        await this.client.query(`UNLISTEN ${quoteIdentifier(channel)}`).catch(() => {})
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true
    const client = this.client ?? (await this.connecting?.catch(() => null))
    this.client = null
    await client?.end().catch(() => {})
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client)
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null
    })
    return this.connecting
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url })
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '')
    })
    client.on('error', () => this.lost(client))
    client.on('end', () => this.lost(client))
    await client.connect()
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${quoteIdentifier(channel)}`)
    if (this.closed) {
      await client.end()
      throw new Error('The database was closed')
    }
    this.client = client
    return client
  }

  /** Pokes are hints (PCs also pull on a timer), so a gap while reconnecting loses no data. */
  private lost(client: pg.Client): void {
    if (this.client !== client) return
    this.client = null
    client.end().catch(() => {})
    if (this.closed || this.handlers.size === 0) return
    const retry = () => {
      if (this.closed) return
      this.connection().catch(() => setTimeout(retry, RECONNECT_DELAY_MS).unref())
    }
    setTimeout(retry, RECONNECT_DELAY_MS).unref()
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
