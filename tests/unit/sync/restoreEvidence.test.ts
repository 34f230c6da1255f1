import { describe, expect, it } from 'vitest'
import { restoreEvidence } from '../../../server/restore/restoreEvidence'

// What a PC's hello proves about its server having been restored from a backup.

const current = '0190a3c0-0000-4000-8000-0000000000a2'
const earlier = '0190a3c0-0000-4000-8000-0000000000a1'
const meta = { generation: current, previousGenerations: [earlier], restoredAtSeq: null }
const device = { epoch: 3, lastSeq: 40 }
const hello = (over: Partial<Parameters<typeof restoreEvidence>[0]> = {}) => ({
  knownGeneration: current,
  acknowledged: { epoch: 3, seq: 40 },
  cursors: { property: 500, reference: 20 },
  ...over,
})

describe('restore evidence at hello', () => {
  it('finds nothing when the server knows all the PC knows', () => {
    expect(restoreEvidence(hello(), meta, device, 500)).toBeNull()
    expect(restoreEvidence(hello({ acknowledged: { epoch: 3, seq: 12 } }), meta, device, 900)).toBeNull()
    expect(restoreEvidence(hello({ acknowledged: null }), meta, device, 500)).toBeNull()
    // A PC put back from its own backup knows less, not more: that is the device epoch's business.
    expect(restoreEvidence(hello({ acknowledged: { epoch: 2, seq: 90 } }), meta, device, 500)).toBeNull()
  })

  it('finds a restore when the server acknowledged more than it now records', () => {
    expect(restoreEvidence(hello({ acknowledged: { epoch: 3, seq: 41 } }), meta, device, 500)).toBe(
      'acknowledgedAhead',
    )
    expect(restoreEvidence(hello({ acknowledged: { epoch: 4, seq: 1 } }), meta, device, 500)).toBe(
      'acknowledgedAhead',
    )
  })

  it('finds a restore when a cursor is beyond the log', () => {
    expect(restoreEvidence(hello(), meta, device, 499)).toBe('cursorAhead')
  })

  it('finds a restore when the PC saw a generation this database never had', () => {
    const unknown = '0190a3c0-0000-4000-8000-0000000000ff'
    expect(restoreEvidence(hello({ knownGeneration: unknown }), meta, device, 500)).toBe('unknownGeneration')
  })

  it('judges nothing by what the PC learned in an earlier generation, or before its first hello', () => {
    const stale = hello({
      knownGeneration: earlier,
      acknowledged: { epoch: 3, seq: 999 },
      cursors: { property: 9_999 },
    })
    expect(restoreEvidence(stale, meta, device, 500)).toBeNull()
    expect(
      restoreEvidence(hello({ knownGeneration: null, cursors: { property: 9_999 } }), meta, device, 0),
    ).toBeNull()
  })
})
