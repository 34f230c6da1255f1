import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareHlc,
  decodeHlc,
  encodeHlc,
  type Hlc,
  hlcDriftMs,
  initialHlc,
  MAX_COUNTER,
  receive,
  tickLocal,
} from '../../../domain/time/hlc'

const DAY = 86_400_000
const T0 = Date.UTC(2025, 2, 1)

const deviceIds = fc.stringMatching(/^[0-9a-f]{4}-[0-9A-Za-z_-]{0,8}$/)
const hlcs: fc.Arbitrary<Hlc> = fc.record({
  wallMs: fc.integer({ min: T0 - 2 * DAY, max: T0 + 2 * DAY }),
  counter: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: MAX_COUNTER })),
  deviceId: deviceIds,
})
/** Timestamps that often share wall and counter, so the device-id tie-break is exercised. */
const closeHlcs: fc.Arbitrary<Hlc> = fc.record({
  wallMs: fc.integer({ min: T0, max: T0 + 2 }),
  counter: fc.integer({ min: 0, max: 2 }),
  deviceId: fc.constantFrom('a', 'b', 'b-1', 'B', '0'),
})

const sign = (n: number) => Math.sign(n)
const stringOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** A local tick or a receive, with a physical clock anywhere within a day either side of T0. */
const events = fc.oneof(
  fc.record({ kind: fc.constant('tick' as const), skew: fc.integer({ min: -DAY, max: DAY }) }),
  fc.record({
    kind: fc.constant('receive' as const),
    skew: fc.integer({ min: -DAY, max: DAY }),
    remote: hlcs,
  }),
)

describe('tickLocal', () => {
  it('follows the physical clock when it moves forward', () => {
    const a = tickLocal(initialHlc('pc1'), T0)
    expect(a).toEqual({ wallMs: T0, counter: 0, deviceId: 'pc1' })
    expect(tickLocal(a, T0 + 5)).toEqual({ wallMs: T0 + 5, counter: 0, deviceId: 'pc1' })
  })

  it('counts within the same millisecond and when the clock goes back a day', () => {
    const a = tickLocal(initialHlc('pc1'), T0)
    const b = tickLocal(a, T0)
    const c = tickLocal(b, T0 - DAY)
    expect(b).toEqual({ wallMs: T0, counter: 1, deviceId: 'pc1' })
    expect(c).toEqual({ wallMs: T0, counter: 2, deviceId: 'pc1' })
    expect(hlcDriftMs(c, T0 - DAY)).toBe(DAY)
  })

  it('moves the wall on by one millisecond when the counter would pass six digits', () => {
    const full: Hlc = { wallMs: T0, counter: MAX_COUNTER, deviceId: 'pc1' }
    expect(tickLocal(full, T0 - DAY)).toEqual({ wallMs: T0 + 1, counter: 0, deviceId: 'pc1' })
  })

  it('refuses a physical time that is not whole milliseconds', () => {
    expect(() => tickLocal(initialHlc('pc1'), Number.NaN)).toThrow(RangeError)
    expect(() => tickLocal(initialHlc('pc1'), 1.5)).toThrow(RangeError)
    expect(() => tickLocal(initialHlc('pc1'), -1)).toThrow(RangeError)
  })
})

describe('receive', () => {
  it('jumps to a remote time that is ahead and counts past it', () => {
    const local = tickLocal(initialHlc('pc1'), T0)
    const remote: Hlc = { wallMs: T0 + 1000, counter: 7, deviceId: 'pc2' }
    expect(receive(local, remote, T0)).toEqual({ wallMs: T0 + 1000, counter: 8, deviceId: 'pc1' })
  })

  it('takes the larger counter when both sides share the wall time', () => {
    const local: Hlc = { wallMs: T0, counter: 3, deviceId: 'pc1' }
    const remote: Hlc = { wallMs: T0, counter: 9, deviceId: 'pc2' }
    expect(receive(local, remote, T0 - 10)).toEqual({ wallMs: T0, counter: 10, deviceId: 'pc1' })
  })

  it('follows the physical clock when it is ahead of both', () => {
    const local: Hlc = { wallMs: T0, counter: 3, deviceId: 'pc1' }
    const remote: Hlc = { wallMs: T0 + 1, counter: 9, deviceId: 'pc2' }
    expect(receive(local, remote, T0 + 50)).toEqual({ wallMs: T0 + 50, counter: 0, deviceId: 'pc1' })
  })

  it('handles counter overflow on receive', () => {
    const local: Hlc = { wallMs: T0, counter: 1, deviceId: 'pc1' }
    const remote: Hlc = { wallMs: T0, counter: MAX_COUNTER, deviceId: 'pc2' }
    expect(receive(local, remote, T0)).toEqual({ wallMs: T0 + 1, counter: 0, deviceId: 'pc1' })
  })

  it('is later than both the local state and the remote time', () => {
    fc.assert(
      fc.property(hlcs, hlcs, fc.integer({ min: -DAY, max: DAY }), (local, remote, skew) => {
        const next = receive(local, remote, T0 + skew)
        expect(compareHlc(next, local)).toBe(1)
        expect(compareHlc(next, remote)).toBe(1)
        expect(next.deviceId).toBe(local.deviceId)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('monotonicity', () => {
  it('never goes back under any sequence of ticks and receives with clocks jumping up to a day', () => {
    fc.assert(
      fc.property(fc.array(events, { minLength: 1, maxLength: 200 }), (sequence) => {
        let state = initialHlc('pc1')
        for (const event of sequence) {
          const now = T0 + event.skew
          const next = event.kind === 'tick' ? tickLocal(state, now) : receive(state, event.remote, now)
          expect(compareHlc(next, state)).toBe(1)
          expect(encodeHlc(next) > encodeHlc(state)).toBe(true)
          state = next
        }
      }),
      { numRuns: 300 },
    )
  })

  it('keeps increasing through a million events in the same millisecond', () => {
    let state: Hlc = { wallMs: T0, counter: 0, deviceId: 'pc1' }
    let previous = encodeHlc(state)
    for (let i = 0; i < MAX_COUNTER + 10; i++) {
      state = tickLocal(state, T0 - DAY)
      if (i % 50_000 === 0 || state.counter < 3) {
        const encoded = encodeHlc(state)
        expect(encoded > previous).toBe(true)
        previous = encoded
      }
    }
    expect(state).toEqual({ wallMs: T0 + 1, counter: 9, deviceId: 'pc1' })
  })
})

describe('compareHlc and encodeHlc', () => {
  it('breaks ties by device id', () => {
    const a: Hlc = { wallMs: T0, counter: 1, deviceId: 'pc-a' }
    const b: Hlc = { wallMs: T0, counter: 1, deviceId: 'pc-b' }
    expect(compareHlc(a, b)).toBe(-1)
    expect(compareHlc(b, a)).toBe(1)
    expect(compareHlc(a, { ...a })).toBe(0)
  })

  it('orders by wall time before counter', () => {
    const a: Hlc = { wallMs: T0, counter: 999, deviceId: 'z' }
    const b: Hlc = { wallMs: T0 + 1, counter: 0, deviceId: 'a' }
    expect(compareHlc(a, b)).toBe(-1)
  })

  it('encodes to a fixed-width string', () => {
    expect(encodeHlc({ wallMs: 1_700_000_000_000, counter: 42, deviceId: 'pc1' })).toBe(
      '001700000000000-000042-pc1',
    )
  })

  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(hlcs, (ts) => {
        expect(decodeHlc(encodeHlc(ts))).toEqual(ts)
      }),
    )
  })

  it('refuses malformed encodings', () => {
    for (const bad of [
      '',
      '1700000000000-000042-pc1',
      '001700000000000-42-pc1',
      '001700000000000-000042-',
      'x',
    ]) {
      expect(() => decodeHlc(bad)).toThrow()
    }
  })

  it('refuses to encode what cannot sort correctly', () => {
    expect(() => encodeHlc({ wallMs: 10 ** 15, counter: 0, deviceId: 'pc1' })).toThrow()
    expect(() => encodeHlc({ wallMs: 1, counter: 0, deviceId: 'pc 1' })).toThrow()
  })

  it('is a total order that agrees with the order of the encoded strings', () => {
    const anyHlc = fc.oneof(hlcs, closeHlcs)
    fc.assert(
      fc.property(anyHlc, anyHlc, anyHlc, (a, b, c) => {
        // agreement with the string order
        expect(sign(compareHlc(a, b))).toBe(stringOrder(encodeHlc(a), encodeHlc(b)))
        // antisymmetry, and equality only for the same timestamp
        expect(compareHlc(a, b) + compareHlc(b, a)).toBe(0)
        expect(compareHlc(a, b) === 0).toBe(
          a.wallMs === b.wallMs && a.counter === b.counter && a.deviceId === b.deviceId,
        )
        // transitivity
        if (compareHlc(a, b) <= 0 && compareHlc(b, c) <= 0) expect(compareHlc(a, c)).toBeLessThanOrEqual(0)
      }),
      { numRuns: 3000 },
    )
  })

  it('sorts a list the same way as the encoded strings do', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hlcs, closeHlcs), { maxLength: 50 }), (list) => {
        const byCompare = [...list].sort(compareHlc).map(encodeHlc)
        const byString = list.map(encodeHlc).sort()
        expect(byCompare).toEqual(byString)
      }),
    )
  })
})
