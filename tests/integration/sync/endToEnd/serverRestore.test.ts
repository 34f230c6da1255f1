import { describe } from 'vitest'
import { pgliteBackups } from './serverBackups'
import { serverRestoreTests } from './serverRestoreScenarios'

// The central server on embedded PGlite restored from a dump of its data folder.
describe('a server on PGlite restored from a backup', () => {
  serverRestoreTests(pgliteBackups())
})
