import { describe } from 'vitest'
import { postgresBackups } from './serverBackups'
import { serverRestoreTests } from './serverRestoreScenarios'

// The central server on PostgreSQL restored with pg_restore from a pg_dump.
describe('a server on PostgreSQL restored from a backup', () => {
  serverRestoreTests(postgresBackups())
})
