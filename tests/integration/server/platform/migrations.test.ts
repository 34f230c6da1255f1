import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serverMigrationsFolder } from '../../../../server/db/serverDatabase'

interface Journal {
  entries: { idx: number; when: number; tag: string }[]
}

describe('server migrations journal', () => {
  // drizzle's migrator skips a migration whose timestamp is older than the newest applied one.
  it('has strictly increasing `when` values, and a SQL file for every entry', () => {
    const journal = JSON.parse(
      readFileSync(join(serverMigrationsFolder, 'meta/_journal.json'), 'utf8'),
    ) as Journal
    expect(journal.entries.length).toBeGreaterThan(0)
    journal.entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i)
      if (i > 0) expect(entry.when).toBeGreaterThan(journal.entries[i - 1]!.when)
      expect(readFileSync(join(serverMigrationsFolder, `${entry.tag}.sql`), 'utf8').length).toBeGreaterThan(0)
    })
  })
})
