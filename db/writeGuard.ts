import type Database from 'better-sqlite3'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { replicatedTables } from './replicatedTables'

/**
 * Connection-local triggers that abort any insert, update or delete of a replicated table unless the
 * write path has opened its gate in the same transaction. They make "nothing bypasses the outbox" a
 * property of the database, not just a convention.
 */
export function installWriteGuards(client: Database.Database): void {
  client.exec('CREATE TEMP TABLE IF NOT EXISTS write_path_gate (open INTEGER NOT NULL)')
  const existing = new Set(
    client.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'").pluck().all() as string[],
  )
  for (const { table } of Object.values(replicatedTables)) {
    const name = getTableConfig(table).name
    // A database still on an older schema (before its migration) has no such table yet.
    if (!existing.has(name)) continue
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      client.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS guard_${name}_${event.toLowerCase()} BEFORE ${event} ON main.${name}
         WHEN NOT EXISTS (SELECT 1 FROM temp.write_path_gate)
         BEGIN SELECT RAISE(ABORT, 'replicated table ${name} written outside the write path'); END`,
      )
    }
  }
}

const gates = new WeakMap<Database.Database, { open: Database.Statement; close: Database.Statement }>()

/** Runs `work` with the gate open; callers must already be inside a transaction. */
export function withGateOpen<T>(client: Database.Database, work: () => T): T {
  // Prepared once per connection: every save and every pulled slice opens the gate.
  let gate = gates.get(client)
  if (!gate) {
    gate = {
      open: client.prepare('INSERT INTO temp.write_path_gate (open) VALUES (1)'),
      close: client.prepare('DELETE FROM temp.write_path_gate'),
    }
    gates.set(client, gate)
  }
  gate.open.run()
  try {
    return work()
  } finally {
    gate.close.run()
  }
}
