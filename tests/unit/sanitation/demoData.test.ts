import { describe, expect, it } from 'vitest'
import { initialTerritorialUnits } from '../../../domain/reference/rustaviUnits'
import { payerAccount } from '../../../domain/sanitation/account'
import { type DemoSanitationRow, demoSanitationRows } from '../../../domain/sanitation/demoData'
import type { ChargeLine } from '../../../domain/sanitation/ledger'
import { entities, fullRowSchema } from '../../../domain/sync/entities'

const unitIds = initialTerritorialUnits.map((u) => u.id)
const today = new Date('2026-04-15T09:00:00Z')

function generate(households: number, organisations: number, seed?: number): DemoSanitationRow[] {
  let n = 0
  const newId = () => `0190a3c0-0000-7000-8000-${(n++).toString(16).padStart(12, '0')}`
  return [...demoSanitationRows(unitIds, { households, organisations, today, newId, seed })].flat()
}

const byEntity = (rows: DemoSanitationRow[], entity: string) => rows.filter((r) => r.entity === entity)

describe('the sanitation demo registry', () => {
  const small = generate(3_000, 300)

  it('is made of valid rows whose unique keys are unique and whose parents come first', () => {
    const seen = new Set<string>()
    const keys = new Map<string, Set<string>>()
    const schemas = new Map<string, ReturnType<typeof fullRowSchema>>()
    const problems: string[] = []
    for (const row of small) {
      let schema = schemas.get(row.entity)
      if (!schema) {
        schema = fullRowSchema(row.entity)
        schemas.set(row.entity, schema)
      }
      const parsed = schema.safeParse(row.values)
      if (!parsed.success) problems.push(`${row.entity}: ${JSON.stringify(parsed.error.issues)}`)
      const def = entities[row.entity]
      for (const [field, parent] of Object.entries(def.parents)) {
        const value = row.values[field]
        if (value !== null && parent !== 'territorialUnit' && !seen.has(value as string)) {
          problems.push(`${row.entity}.${field} names a row not yet given`)
        }
      }
      for (const key of def.uniqueKeys) {
        const value = row.values[key.field]
        if (value === null) continue
        const name = `${row.entity}.${key.field}`
        const set = keys.get(name) ?? new Set()
        if (set.has(value as string)) problems.push(`${name} ${value} twice`)
        set.add(value as string)
        keys.set(name, set)
      }
      seen.add(row.id)
    }
    expect(problems.slice(0, 5)).toEqual([])
    expect(keys.get('sanitationChargeLine.lineKey')?.size).toBeGreaterThan(30_000)
  })

  it('depends only on its seed', () => {
    expect(generate(200, 20)).toEqual(generate(200, 20))
    expect(generate(200, 20, 7)).not.toEqual(generate(200, 20))
  })

  it('bills a year, each run totalling exactly its lines, over every territorial unit', () => {
    const runs = byEntity(small, 'sanitationBillingRun')
    expect(runs.map((r) => r.values.period)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ])
    const lines = byEntity(small, 'sanitationChargeLine')
    for (const run of runs) {
      const own = lines.filter((l) => l.values.billingRunId === run.id)
      expect(run.values.lineCount).toBe(own.length)
      expect(run.values.totalTetri).toBe(own.reduce((s, l) => s + (l.values.amountTetri as number), 0))
    }
    const payers = byEntity(small, 'sanitationPayer')
    expect(new Set(payers.map((p) => p.values.territorialUnitId)).size).toBe(10)
    // both tariff versions are used within the year
    expect(new Set(lines.map((l) => l.values.tariffVersionId)).size).toBe(2)
  })

  // A third of the city: the same proportions, a third of the time (the full city's generation time
  // is measured outside the unit tests).
  it('has a realistic collection rate, chronic debtors, plans, exemptions and inspections', () => {
    const rows = generate(10_000, 1_000)
    const payers = byEntity(rows, 'sanitationPayer')
    expect(payers.filter((p) => p.values.kind === 'household')).toHaveLength(10_000)
    const billed = byEntity(rows, 'sanitationChargeLine').reduce(
      (s, l) => s + (l.values.amountTetri as number),
      0,
    )
    const paid = byEntity(rows, 'sanitationPayment').reduce((s, p) => s + (p.values.amountTetri as number), 0)
    const rate = paid / billed
    console.info(`billed ${billed / 100} ₾, collected ${paid / 100} ₾ (${(rate * 100).toFixed(1)} %)`)
    expect(rate).toBeGreaterThan(0.7)
    expect(rate).toBeLessThan(0.85)

    // chronic debtors: a payer owing six months or more
    const linesBy = new Map<string, ChargeLine[]>()
    for (const l of byEntity(rows, 'sanitationChargeLine')) {
      const list = linesBy.get(l.values.payerId as string) ?? []
      list.push({ ...(l.values as unknown as ChargeLine), id: l.id })
      linesBy.set(l.values.payerId as string, list)
    }
    const paymentsBy = new Map<string, { id: string; amountTetri: number; paidOn: string }[]>()
    for (const p of byEntity(rows, 'sanitationPayment')) {
      const list = paymentsBy.get(p.values.payerId as string) ?? []
      list.push({ id: p.id, amountTetri: p.values.amountTetri as number, paidOn: p.values.paidOn as string })
      paymentsBy.set(p.values.payerId as string, list)
    }
    let chronic = 0
    for (const [payerId, lines] of linesBy) {
      const account = payerAccount(lines, paymentsBy.get(payerId) ?? [], '2026-04-15', 0)
      if (account.ageing.d181to365 > 0) chronic++
    }
    expect(chronic / payers.length).toBeGreaterThan(0.05)
    expect(byEntity(rows, 'sanitationInstalmentPlan').length).toBeGreaterThan(5)
    expect(byEntity(rows, 'sanitationExemption').length).toBeGreaterThan(50)
    expect(byEntity(rows, 'sanitationInspection').length).toBeGreaterThan(100)
  })
})
