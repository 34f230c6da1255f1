import { count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entities, fullRowSchema, isEntityName } from '../../../../domain/sync/entities'
import type { ServerContext } from '../../../../server/context'
import { openPglite } from '../../../../server/db/openPglite'
import { changeLog, record, uniqueKey } from '../../../../server/db/schema'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'
import { seedDemoProperty } from '../../../../server/seed/demoProperty'
import { seedReferenceData } from '../../../../server/seed/referenceData'
import { readCounter } from '../../../../server/sync/sequence'

// The central server's demo municipality: the property registry every enrolled PC bootstraps from.

describe("the server's demo property registry", () => {
  let database: ServerDatabase
  const pokes: { scope: string; seq: number }[] = []
  const ctx = (): Pick<ServerContext, 'db' | 'now' | 'notify'> => ({
    db: database.db,
    now: () => new Date('2026-03-15T08:00:00Z'),
    notify: async (scope, seq) => {
      pokes.push({ scope, seq })
    },
  })

  beforeAll(async () => {
    database = await openPglite()
    await seedReferenceData(ctx())
  })
  afterAll(() => database.close())

  it('writes every row as a record with one change-log entry, all valid, under one transaction', async () => {
    const written = await seedDemoProperty(ctx(), { objects: 150, seed: 5 })
    const [records] = await database.db
      .select({ n: count() })
      .from(record)
      .where(eq(record.scope, 'property'))
    const [changes] = await database.db
      .select({ n: count(), txs: sql<number>`count(distinct ${changeLog.txSeq})` })
      .from(changeLog)
      .where(eq(changeLog.scope, 'property'))
    expect(records!.n).toBe(written)
    expect(changes!.n).toBe(written)
    expect(Number(changes!.txs)).toBe(1)
    const [objects] = await database.db
      .select({ n: count() })
      .from(record)
      .where(eq(record.entity, 'propertyObject'))
    expect(objects!.n).toBe(150)

    const rows = await database.db.select().from(record).where(eq(record.scope, 'property'))
    for (const row of rows) {
      expect(isEntityName(row.entity)).toBe(true)
      if (!isEntityName(row.entity)) continue
      expect(fullRowSchema(row.entity).safeParse(row.values).success).toBe(true)
    }
    // the counter moved past every entry, and PCs were poked once
    expect((await readCounter(database.db)).seq).toBe(
      (await database.db.select({ m: sql<number>`max(${changeLog.seq})` }).from(changeLog))[0]!.m,
    )
    expect(pokes.filter((p) => p.scope === 'property')).toHaveLength(1)
  })

  it('claims the unique keys the rows hold, so a PC cannot reuse an inventory number', async () => {
    const [keys] = await database.db
      .select({ n: count() })
      .from(uniqueKey)
      .where(eq(uniqueKey.key, 'inventoryNumber'))
    expect(keys!.n).toBe(150)
    expect(entities.propertyObject.uniqueKeys.map((k) => k.field)).toEqual(['inventoryNumber'])
  })

  it('adds nothing to a registry that has objects', async () => {
    const before = await database.db.select({ n: count() }).from(record)
    expect(await seedDemoProperty(ctx(), { objects: 150, seed: 6 })).toBe(0)
    expect(await database.db.select({ n: count() }).from(record)).toEqual(before)
  })
})
