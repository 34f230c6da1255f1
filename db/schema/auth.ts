import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Users who may sign in on this PC. The central server will own users (sync issue); until then
 * they are local, with a scrypt verifier so sign-in works offline.
 */
export const localUser = sqliteTable('local_user', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  role: text('role', { enum: ['clerk', 'head', 'auditor', 'itAdmin'] }).notNull(),
  /** JSON array of department scopes. */
  departments: text('departments').notNull(),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
  createdAt: text('created_at').notNull(),
})
