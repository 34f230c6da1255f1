import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entities, isEntityName } from '../../../domain/sync/entities'
import { seedDemoSanitation as seedOnPc } from '../../../electron/backend/seed/demoSanitation'
import { seedTerritorialUnits } from '../../../electron/backend/seed/territorialUnits'
import type { ServerContext } from '../../../server/context'
import { openPglite } from '../../../server/db/openPglite'
import { changeLog, record } from '../../../server/db/schema'
import type { ServerDatabase } from '../../../server/db/serverDatabase'
import { seedDemoSanitation as seedOnServer } from '../../../server/seed/demoSanitation'
import { seedReferenceData } from '../../../server/seed/referenceData'
import { tempStore } from '../../support/tempStore'

// The demo sanitation registry is made by one generator in two places: the central server (for
// enrolled PCs) and a PC on its own. Both must hold the same city under the same ids.

const now = new Date('2026-03-15T08:00:00Z')
const size = { households: 120, organisations: 12 }

describe('the demo sanitation registry on the server and on a PC on its own', () => {
  let database: ServerDatabase
  let store: ReturnType<typeof tempStore>
  const pokes: string[] = []
  const ctx = (): Pick<ServerContext, 'db' | 'now' | 'notify'> => ({
    db: database.db,
    now: () => now,
    notify: async (scope) => {
      pokes.push(scope)
    },
  })

  beforeAll(async () => {
    database = await openPglite()
    await seedReferenceData(ctx())
    store = tempStore()
    seedTerritorialUnits(store.db, now)
  })
  afterAll(async () => {
    store.close()
    await database.close()
  })

  it('writes the same rows, ids and values in both places, once', async () => {
    const onServer = await seedOnServer(ctx(), size)
    const onPc = seedOnPc(store.db, { ...size, today: now })
    expect(onServer).toBe(onPc)
    expect(onServer).toBeGreaterThan(2_000)
    // Seeding again adds nothing.
    expect(await seedOnServer(ctx(), size)).toBe(0)
    expect(seedOnPc(store.db, { ...size, today: now })).toBe(0)
    expect(pokes.filter((s) => s === 'sanitation')).toHaveLength(1)

    const records = await database.db.select().from(record).where(eq(record.scope, 'sanitation'))
    expect(records).toHaveLength(onServer)
    const [changes] = await database.db
      .select({ n: sql<number>`count(*)` })
      .from(changeLog)
      .where(eq(changeLog.scope, 'sanitation'))
    expect(Number(changes!.n)).toBe(onServer)

    const client = store.db.$client
    for (const r of records) {
      expect(isEntityName(r.entity)).toBe(true)
      if (!isEntityName(r.entity)) continue
      expect(entities[r.entity].scope).toBe('sanitation')
    }
    // Every server record is on the PC under the same id, with the same values (a sample per entity).
    const byEntity = new Map<string, typeof records>()
    for (const r of records) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r])
    for (const [entity, rows] of byEntity) {
      const table = entity.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
      const ids = client.prepare(`SELECT id FROM ${table}`).pluck().all() as string[]
      expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.id)))
      const sample = rows[Math.floor(rows.length / 2)]!
      const pcRow = client.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(sample.id) as Record<
        string,
        unknown
      >
      for (const [field, value] of Object.entries(sample.values as Record<string, unknown>)) {
        const column = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
        expect(pcRow[column], `${entity}.${field}`).toEqual(
          typeof value === 'boolean' ? Number(value) : value,
        )
      }
    }
    // The PC's derived data is built: every payer has its account row and its search entry.
    const payers = client.prepare('SELECT count(*) FROM sanitation_payer').pluck().get()
    expect(client.prepare('SELECT count(*) FROM sanitation_payer_account').pluck().get()).toBe(payers)
    expect(client.prepare('SELECT count(*) FROM sanitation_search').pluck().get()).toBe(payers)
    // No outbox rows: the demo is settled data, not a clerk's change.
    expect(client.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0)
  })
})
