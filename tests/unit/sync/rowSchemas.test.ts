import { getTableColumns } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { replicatedTables } from '../../../db/replicatedTables'
import { systemColumnKeys } from '../../../db/schema/replicated'
import { initialTerritorialUnits } from '../../../domain/reference/rustaviUnits'
import {
  entities,
  entitiesInSnapshotOrder,
  fullRowSchema,
  someFieldsSchema,
} from '../../../domain/sync/entities'

const system = new Set<string>(systemColumnKeys)
const clerkColumns = (table: SQLiteTable) =>
  Object.keys(getTableColumns(table))
    .filter((k) => !system.has(k))
    .sort()

describe('replicated row schemas', () => {
  for (const [name, { table }] of Object.entries(replicatedTables)) {
    it(`${name}: the row schema has exactly the SQLite table's clerk columns`, () => {
      const def = entities[name as keyof typeof entities]
      expect(def, `${name} is missing from domain/sync/entities.ts`).toBeDefined()
      expect(Object.keys(def.fields.shape).sort()).toEqual(clerkColumns(table))
    })
  }

  it('every replicated table is an entity and every entity a table', () => {
    const tables = Object.keys(replicatedTables).sort()
    expect(Object.keys(entities).sort()).toEqual(tables)
  })

  it('guarded, unique and parent fields are fields of their entity; parents come earlier in a snapshot', () => {
    for (const name of entitiesInSnapshotOrder) {
      const def = entities[name]
      const keys = new Set(Object.keys(def.fields.shape))
      for (const f of def.guarded) expect(keys.has(f), `${name}.${f}`).toBe(true)
      for (const u of def.uniqueKeys) expect(keys.has(u.field), `${name}.${u.field}`).toBe(true)
      for (const [f, parent] of Object.entries(def.parents)) {
        expect(keys.has(f), `${name}.${f}`).toBe(true)
        expect(entities[parent as keyof typeof entities].rank).toBeLessThan(def.rank)
      }
    }
  })

  it("accepts Rustavi's territorial units and refuses a row with an unknown or missing field", () => {
    for (const { id: _id, ...unit } of initialTerritorialUnits) {
      expect(fullRowSchema('territorialUnit').safeParse(unit).success).toBe(true)
    }
    const unit = { code: '01', nameKa: 'ერთეული', nameEn: 'Unit' }
    expect(fullRowSchema('territorialUnit').safeParse({ ...unit, extra: 1 }).success).toBe(false)
    expect(fullRowSchema('territorialUnit').safeParse({ code: '01' }).success).toBe(false)
    expect(someFieldsSchema('territorialUnit').safeParse({ code: '01' }).success).toBe(true)
    expect(someFieldsSchema('territorialUnit').safeParse({ extra: 'x' }).success).toBe(false)
  })

  it('checks a whole lease across fields (dates in order, the tenant identifier of its kind)', () => {
    const lease = {
      objectId: '0190a3c0-0000-7000-8000-000000000201',
      contractNumber: 'contract-2026-1',
      tenantKind: 'person',
      tenantName: 'ნინო',
      tenantIdNumber: '01001012345',
      tenantPhone: null,
      startDate: '2026-01-01',
      endDate: '2027-01-01',
      annualRentTetri: 120_000,
      schedule: 'monthly',
      legalBasis: '',
      terminatedOn: null,
    }
    const schema = fullRowSchema('propertyLease')
    expect(schema.safeParse(lease).success).toBe(true)
    expect(schema.safeParse({ ...lease, endDate: '2025-01-01' }).success).toBe(false)
    expect(schema.safeParse({ ...lease, tenantKind: 'company' }).success).toBe(false)
    expect(schema.safeParse({ ...lease, annualRentTetri: 1.5 }).success).toBe(false)
    expect(schema.safeParse({ ...lease, startDate: '2026-02-30' }).success).toBe(false)
  })
})
