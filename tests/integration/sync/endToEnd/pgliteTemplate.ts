import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { type ServerDatabase, serverMigrationsFolder } from '../../../../server/db/serverDatabase'

// A new PGlite runs initdb inside WebAssembly, seconds on our machines; loading a data folder image
// takes under one. Like a PostgreSQL template database: the first test file to need one makes an
// empty, migrated image (per version of the server's migrations) and every later one starts from it.

/** The server's database on an in-memory PGlite (what openPglite gives, without a data folder). */
export function pgliteDatabase(client: PGlite): ServerDatabase {
  const db = drizzle({ client })
  return {
    db,
    kind: 'pglite',
    async listen(channel, onPayload) {
      const unlisten = await client.listen(channel, onPayload)
      return () => unlisten()
    },
    async notify(channel, payload) {
      await db.execute(sql`SELECT pg_notify(${channel}, ${payload})`)
    },
    close: () => client.close(),
  }
}

/** An empty server database with every migration applied, from the template image. */
export async function openTemplatePglite(): Promise<ServerDatabase> {
  const image = join(tmpdir(), `rustavi-pglite-template-${migrationsHash()}.tar`)
  if (existsSync(image)) {
    const client = await PGlite.create({ loadDataDir: new Blob([readFileSync(image)]) })
    // Applies nothing unless the image is older than the migrations (the hash says it is not).
    await migrate(drizzle({ client }), { migrationsFolder: serverMigrationsFolder })
    return pgliteDatabase(client)
  }
  const client = await PGlite.create()
  await migrate(drizzle({ client }), { migrationsFolder: serverMigrationsFolder })
  const dump = await client.dumpDataDir('none')
  // Written aside and renamed, so a file starting at the same moment never reads half an image.
  const partial = `${image}.${process.pid}.partial`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, image)
  return pgliteDatabase(client)
}

function migrationsHash(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else hash.update(entry.name).update(readFileSync(path))
    }
  }
  walk(serverMigrationsFolder)
  return hash.digest('hex').slice(0, 16)
}
