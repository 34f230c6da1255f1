import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initialReferenceRows } from '../../../../domain/sanitation/initialReferenceRows'
import { seedSanitationReference as seedOnPc } from '../../../../electron/backend/seed/sanitationReference'
import type { ServerContext } from '../../../../server/context'
import { openPglite } from '../../../../server/db/openPglite'
import { record, uniqueKey } from '../../../../server/db/schema'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'
import { seedSanitationReference as seedOnServer } from '../../../../server/seed/sanitationReference'
import { tempStore } from '../../../support/tempStore'

// The sanitation registry's reference data every installation starts from: once on the server (in
// the department's scope, with its unique codes), once on a PC on its own, under the same ids.

describe('the default sanitation reference data', () => {
  let database: ServerDatabase
  let store: ReturnType<typeof tempStore>
  const pokes: string[] = []
  const now = new Date('2026-03-15T08:00:00Z')
  const ctx = (): Pick<ServerContext, 'db' | 'now' | 'notify'> => ({
    db: database.db,
    now: () => now,
    notify: async (scope) => {
      pokes.push(scope)
    },
  })

  beforeAll(async () => {
    database = await openPglite()
    store = tempStore()
  })
  afterAll(async () => {
    store.close()
    await database.close()
  })

  it('are written once on the server, in the sanitation scope, with their codes held as unique keys', async () => {
    expect(await seedOnServer(ctx())).toBe(initialReferenceRows.length)
    expect(await seedOnServer(ctx())).toBe(0)
    expect(pokes).toEqual(['sanitation'])
    const records = await database.db.select().from(record).where(eq(record.scope, 'sanitation'))
    expect(new Set(records.map((r) => r.id))).toEqual(new Set(initialReferenceRows.map((r) => r.id)))
    const formatCodes = await database.db
      .select({ value: uniqueKey.value })
      .from(uniqueKey)
      .where(and(eq(uniqueKey.entity, 'sanitationBankFormat'), eq(uniqueKey.key, 'code')))
    expect(formatCodes.map((k) => k.value).sort()).toEqual(['bogCsv', 'tbcCsv', 'treasuryCsv'])
  })

  it('are written once on a PC on its own, with the same ids and values, and no outbox rows', async () => {
    expect(seedOnPc(store.db, now)).toBe(initialReferenceRows.length)
    expect(seedOnPc(store.db, now)).toBe(0)
    const client = store.db.$client
    const layout = client.prepare("SELECT id, layout FROM sanitation_bank_format WHERE code = 'tbcCsv'").get()
    const onServer = initialReferenceRows.find((r) => r.values.code === 'tbcCsv')!
    expect(layout).toEqual({ id: onServer.id, layout: onServer.values.layout })
    expect(client.prepare('SELECT count(*) FROM sanitation_activity_category').pluck().get()).toBe(12)
    expect(client.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0)
  })
})
