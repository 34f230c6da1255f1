import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { replicatedColumns } from './replicated'

export const territorialUnit = sqliteTable('territorial_unit', {
  ...replicatedColumns(),
  code: text('code').notNull().unique(),
  nameKa: text('name_ka').notNull(),
  nameEn: text('name_en').notNull(),
})
