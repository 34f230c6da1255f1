import { describe, expect, it } from 'vitest'
import { propertySearchIndex } from '../../../../db/property/searchIndex'
import { sanitationAccountIndex } from '../../../../db/sanitation/accountSummary'
import { sanitationSearchIndex } from '../../../../db/sanitation/searchIndex'
import { deferredForBootstrap } from '../../../../db/sync/deferredIndexes'
import type { DerivedIndex } from '../../../../db/writePath'

describe('the derived indexes of a bootstrap', () => {
  const keptRowByRow: DerivedIndex = () => {}
  const all = [propertySearchIndex, sanitationSearchIndex, sanitationAccountIndex, keptRowByRow]

  it('rebuilds those of the scope at its end, keeps the rest row by row, and leaves other scopes’ alone', () => {
    expect(deferredForBootstrap('property', all)).toEqual({
      deferred: [propertySearchIndex],
      perRow: [keptRowByRow],
    })
    expect(deferredForBootstrap('sanitation', all)).toEqual({
      deferred: [sanitationSearchIndex, sanitationAccountIndex],
      perRow: [keptRowByRow],
    })
  })
})
