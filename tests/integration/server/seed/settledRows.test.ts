import { asc } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { demoPropertyRows } from '../../../../domain/property/demoData'
import { initialTerritorialUnits } from '../../../../domain/reference/rustaviUnits'
import { demoSanitationRows } from '../../../../domain/sanitation/demoData'
import { demoIdSequence } from '../../../../domain/sanitation/demoIds'
import { entities, fullRowSchema } from '../../../../domain/sync/entities'
import type { Scope } from '../../../../domain/sync/protocol'
import type { ServerContext } from '../../../../server/context'
import { openPglite } from '../../../../server/db/openPglite'
import { openPostgres } from '../../../../server/db/openPostgres'
import { changeLog, record, syncCounter, uniqueKey } from '../../../../server/db/schema'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'
import { seedReferenceData } from '../../../../server/seed/referenceData'
import { type SettledRow, seedSettledRows } from '../../../../server/seed/settledRows'
import { appendChange } from '../../../../server/sync/changeLog'
import { saveRecord } from '../../../../server/sync/records'
import { advanceCounter, lockCounter, SequenceAllocator } from '../../../../server/sync/sequence'
import { serverHlc } from '../../../../server/sync/serverClock'
import { planUniqueKeys } from '../../../../server/sync/uniqueKeys'
import { createTestDatabase, type TestDatabase } from '../../../support/postgres'

// The demo seed writes its rows in bulk (a few statements per 5,000 rows). What it stores must be
// exactly what the server's own row-at-a-time writers (records, unique keys, change log, as the
// reference seed uses them) store for the same rows, on both engines; and a row its schema refuses
// must leave the database as it was.

const at = new Date('2026-03-15T08:00:00Z')
const unitIds = initialTerritorialUnits.map((u) => u.id)

/** Two registries as the server's --demo seeds them, small (the row-at-a-time oracle is slow). */
const registries: {
  scope: Scope
  marker: SettledRow['entity']
  rows: () => Iterable<readonly SettledRow[]>
}[] = [
  {
    scope: 'property',
    marker: 'propertyObject',
    rows: () => demoPropertyRows(unitIds, { objects: 15, today: at, seed: 3, newId: demoIdSequence(3) }),
  },
  {
    scope: 'sanitation',
    marker: 'sanitationPayer',
    rows: () =>
      demoSanitationRows(unitIds, {
        households: 20,
        organisations: 2,
        today: at,
        seed: 4,
        newId: demoIdSequence(4),
      }),
  },
]

const contextOf = (database: ServerDatabase): Pick<ServerContext, 'db' | 'now' | 'notify'> => ({
  db: database.db,
  now: () => at,
  notify: async () => {},
})

const schemas = new Map<SettledRow['entity'], ReturnType<typeof fullRowSchema>>()
const schemaOf = (entity: SettledRow['entity']) => {
  if (!schemas.has(entity)) schemas.set(entity, fullRowSchema(entity))
  return schemas.get(entity)!
}

/** The oracle: each row through saveRecord, planUniqueKeys and appendChange, one statement at a time. */
async function writeRowByRow(
  database: ServerDatabase,
  scope: Scope,
  groups: Iterable<readonly SettledRow[]>,
) {
  await database.db.transaction(async (tx) => {
    const locked = await lockCounter(tx)
    const seqs = new SequenceAllocator(locked)
    const txSeq = locked.seq + 1
    for (const group of groups) {
      for (const row of group) {
        const values = schemaOf(row.entity).parse(row.values)
        const seq = seqs.next()
        const meta = { '*': { seq, hlc: serverHlc(at), device: null, by: null } }
        const keys = await planUniqueKeys(tx, row.entity, entities[row.entity], row.id, values, true)
        expect(keys.duplicates).toEqual([])
        await keys.apply()
        await saveRecord(tx, row.entity, row.id, scope, { values, meta, deletedAt: null }, seq, null)
        await appendChange(tx, {
          seq,
          txSeq,
          scope,
          entity: row.entity,
          rowId: row.id,
          op: 'put',
          values,
          deletedAt: null,
          fieldVersions: { '*': seq },
          originDevice: null,
          originMutation: null,
          userId: null,
          userName: null,
          at,
        })
      }
    }
    await advanceCounter(tx, locked, seqs.used)
  })
}

/** Everything a seed writes, in a fixed order. */
async function contents(database: ServerDatabase) {
  const { db } = database
  return {
    records: await db.select().from(record).orderBy(asc(record.entity), asc(record.id)),
    uniqueKeys: await db
      .select()
      .from(uniqueKey)
      .orderBy(asc(uniqueKey.entity), asc(uniqueKey.key), asc(uniqueKey.value)),
    changes: await db.select().from(changeLog).orderBy(asc(changeLog.seq)),
    counter: await db.select().from(syncCounter),
  }
}

/** Enough sanitation rows for two batches (over 5,000). */
const twoBatches = () =>
  demoSanitationRows(unitIds, {
    households: 260,
    organisations: 26,
    today: at,
    seed: 5,
    newId: demoIdSequence(5),
  })

/** Valid rows for more than one batch, then one its schema refuses (a payer without a name). */
function* rowsEndingInABadOne(): Generator<readonly SettledRow[]> {
  yield* twoBatches()
  const newId = demoIdSequence(99)
  const [payer] = [...demoSanitationRows(unitIds, { households: 1, organisations: 0, today: at, newId })]
    .flat()
    .filter((row) => row.entity === 'sanitationPayer')
  yield [{ ...payer!, id: newId(), values: { ...payer!.values, name: '' } }]
}

const engines: { name: string; open: () => Promise<{ database: ServerDatabase; drop(): Promise<void> }> }[] =
  [
    {
      name: 'PGlite',
      open: async () => {
        const database = await openPglite()
        return { database, drop: async () => {} }
      },
    },
    {
      name: 'PostgreSQL',
      open: async () => {
        const made: TestDatabase = await createTestDatabase()
        const database = await openPostgres(made.url, { poolSize: 2 })
        return { database, drop: () => made.drop() }
      },
    },
  ]

describe.each(engines)('the bulk demo seed on $name', ({ open }) => {
  const opened: { database: ServerDatabase; drop(): Promise<void> }[] = []
  const fresh = async () => {
    const handle = await open()
    opened.push(handle)
    await seedReferenceData(contextOf(handle.database))
    return handle.database
  }
  afterAll(async () => {
    for (const { database, drop } of opened) {
      await database.close()
      await drop()
    }
  })

  it('stores exactly what the row-at-a-time writers store: records, field meta, unique keys, change log', async () => {
    const bulk = await fresh()
    const oneByOne = await fresh()
    for (const { scope, marker, rows } of registries) {
      await seedSettledRows(contextOf(bulk), scope, marker, rows)
      await writeRowByRow(oneByOne, scope, rows())
    }
    const expected = await contents(oneByOne)
    expect(expected.records.length).toBeGreaterThan(400)
    // Every kind of unique key the two registries hold, the conditional one (a current cadastral code) too.
    expect(new Set(expected.uniqueKeys.map((k) => `${k.entity}.${k.key}`))).toEqual(
      new Set([
        'territorialUnit.code',
        'propertyObject.inventoryNumber',
        'propertyCadastralCode.code',
        'propertyLease.contractNumber',
        'sanitationPayer.paymentCode',
        'sanitationTariffRate.rateKey',
        'sanitationChargeLine.lineKey',
        'sanitationPayment.receiptNumber',
        'sanitationPayment.bankReference',
      ]),
    )
    expect(await contents(bulk)).toEqual(expected)
  }, 120_000)

  it('refuses a row its schema refuses, and writes nothing of the seed', async () => {
    const database = await fresh()
    const before = await contents(database)
    await expect(
      seedSettledRows(contextOf(database), 'sanitation', 'sanitationPayer', rowsEndingInABadOne),
    ).rejects.toThrow(/name/)
    expect(await contents(database)).toEqual(before)
    // Nothing half-made stands in the way: the next start seeds the registry whole, in two batches
    // that continue one another (one server transaction, one seq per row, the counter past them).
    const written = await seedSettledRows(contextOf(database), 'sanitation', 'sanitationPayer', twoBatches)
    expect(written).toBeGreaterThan(5_000)
    const after = await contents(database)
    const seeded = after.changes.slice(before.changes.length)
    expect(seeded.map((c) => c.seq)).toEqual(seeded.map((_, i) => before.counter[0]!.seq + 1 + i))
    expect(new Set(seeded.map((c) => c.txSeq))).toEqual(new Set([before.counter[0]!.seq + 1]))
    expect(after.counter[0]!.seq).toBe(seeded.at(-1)!.seq)
    const seqOf = new Map(after.records.map((r) => [r.id, r.rowSeq]))
    expect(seeded.every((c) => seqOf.get(c.rowId) === c.seq)).toBe(true)
    expect(after.records).toHaveLength(before.records.length + written)
  }, 120_000)
})
