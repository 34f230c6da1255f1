import { join } from 'node:path'
import Database from 'better-sqlite3'

// The e2e PC's own store (playwright.config.ts: --data-dir .data/e2e), opened beside the running
// web host for what a test needs to know or set up that no screen of this test shows.
const storeFile = join(import.meta.dirname, '../../.data/e2e/rustavi.db')

function withStore<T>(work: (db: Database.Database) => T): T {
  const db = new Database(storeFile)
  try {
    db.pragma('busy_timeout = 5000')
    return work(db)
  } finally {
    db.close()
  }
}

/**
 * Makes demo users members of the sanitation department (the demo users are in property only until
 * the demo memberships land); call before they sign in, as a session takes departments at sign-in.
 */
export function joinSanitation(usernames: readonly string[]): void {
  withStore((db) => {
    for (const username of usernames) {
      const current = db
        .prepare('SELECT departments FROM local_user WHERE username = ?')
        .pluck()
        .get(username)
      if (typeof current !== 'string') throw new Error(`no local user ${username}`)
      const departments = JSON.parse(current) as string[]
      if (!departments.includes('sanitation')) departments.push('sanitation')
      db.prepare('UPDATE local_user SET departments = ? WHERE username = ?').run(
        JSON.stringify(departments),
        username,
      )
    }
  })
}

/** Live households of the demo, by payment code: their codes and names for a bank file. */
export const demoHouseholds = (count: number) =>
  withStore(
    (db) =>
      db
        .prepare(
          `SELECT payment_code AS paymentCode, name FROM sanitation_payer
           WHERE deleted_at IS NULL AND kind = 'household' AND status = 'active' ORDER BY payment_code LIMIT ?`,
        )
        .all(count) as { paymentCode: string; name: string }[],
  )

/** The first territorial unit by its code, as the unit pickers name it in Georgian. */
export const firstUnitName = () =>
  withStore(
    (db) =>
      db
        .prepare('SELECT name_ka FROM territorial_unit WHERE deleted_at IS NULL ORDER BY code LIMIT 1')
        .pluck()
        .get() as string,
  )
