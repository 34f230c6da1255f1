import { sql } from 'drizzle-orm'
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

// The server's own tables: who may sign in, which PCs are enrolled, and what throttles guessing.
// Tokens and session keys are stored as sha256 hashes only: a copy of the database signs nobody in.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** A `Role` of domain/auth/roles.ts. */
  role: text('role').notNull(),
  /** `Department`s the user is a member of. */
  departments: text('departments').array().notNull().default(sql`'{}'::text[]`),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  lastSignInAt: at('last_sign_in_at'),
  createdAt: at('created_at').notNull(),
})

export const devices = pgTable('devices', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  epoch: integer('epoch').notNull().default(1),
  enrolledAt: at('enrolled_at').notNull(),
  lastSeenAt: at('last_seen_at'),
  appVersion: text('app_version'),
  clockOffsetMs: integer('clock_offset_ms'),
  pendingChanges: integer('pending_changes'),
  /** The highest device sequence number applied from this PC in its current epoch. */
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  revokedAt: at('revoked_at'),
})

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    createdAt: at('created_at').notNull(),
    lastUsedAt: at('last_used_at').notNull(),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_device_idx').on(t.deviceId)],
)

export const enrolmentCodes = pgTable('enrolment_codes', {
  // Kept readable (not hashed) because IT reads pending codes back from its list; a code is
  // single-use and expires within days, so a leaked copy is worth little.
  code: text('code').primaryKey(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  /** The demo code enrols any number of PCs; every other code enrols one. */
  reusable: boolean('reusable').notNull().default(false),
  usedByDevice: uuid('used_by_device').references(() => devices.id),
  usedAt: at('used_at'),
})

/** Sign-in, enrolment and password-change attempts, shared by every server instance for throttling. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    username: text('username'),
    address: text('address').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: at('at').notNull(),
  },
  (t) => [
    index('login_attempts_username_idx').on(t.username, t.at),
    index('login_attempts_address_idx').on(t.address, t.at),
  ],
)

/**
 * One row: the server's generation, made when the database is created and replaced when the server
 * finds it was restored from a backup (PCs detect the restore by it and send their changes again).
 */
export const serverMeta = pgTable(
  'server_meta',
  {
    id: integer('id').primaryKey().default(1),
    generation: uuid('generation').notNull(),
    createdAt: at('created_at').notNull(),
    /** Generations this database had before the current one: a PC naming another one saw a lost future. */
    previousGenerations: uuid('previous_generations').array().notNull().default(sql`'{}'::uuid[]`),
    /** The change-log position when the last restore was found: replayed changes merge against it. */
    restoredAtSeq: bigint('restored_at_seq', { mode: 'number' }),
    restoredAt: at('restored_at'),
  },
  (t) => [check('server_meta_single_row', sql`${t.id} = 1`)],
)
