import { integer, text } from 'drizzle-orm/sqlite-core'

/**
 * Columns every replicated table carries. Only the write path (db/writePath.ts) sets them:
 * `version` counts local saves (forms send it back to detect a concurrent save), `fieldVersions`
 * holds each field's last-change HLC (the base versions a sync merge compares), `deletedAt` marks
 * a tombstone.
 */
export const replicatedColumns = () => ({
  id: text('id').primaryKey(),
  version: integer('version').notNull().default(1),
  fieldVersions: text('field_versions').notNull().default('{}'),
  deletedAt: text('deleted_at'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
})

/** Columns the write path manages; never part of a clerk's change. */
export const systemColumnKeys = [
  'id',
  'version',
  'fieldVersions',
  'deletedAt',
  'createdAt',
  'updatedAt',
  'updatedBy',
] as const
