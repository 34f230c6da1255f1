import { defineConfig } from 'drizzle-kit'

/** The central server's schema and migrations (PostgreSQL; the same files run on embedded PGlite). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema/index.ts',
  out: './server/migrations',
})
