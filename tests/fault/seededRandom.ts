/**
 * A small seeded generator (sfc32), so one seed replays a whole run: the workload, the network's
 * faults, the crash points and the clocks. Each part of a run forks its own stream by name, so a
 * change in how often one part draws does not shift what the others draw.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** A new generator whose stream depends only on this one's seed and `name`. */
  fork(name: string): Random
  /** A random version-7-shaped UUID (time bits included), so ids replay with the seed. */
  uuid(): string
}

export function seededRandom(seed: number | string): Random {
  const [a0, b0, c0, d0] = hashSeed(String(seed))
  let a = a0
  let b = b0
  let c = c0
  let d = d0
  const next = (): number => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4_294_967_296
  }
  // Warm up: the first outputs of sfc32 lean on the seed's bits.
  for (let i = 0; i < 15; i++) next()
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)]!
    },
    fork: (name) => seededRandom(`${seed}/${name}`),
    uuid: () => {
      const hex = (n: number) =>
        Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('')
      // A fixed 2026 timestamp prefix keeps ids time-ordered-looking without reading the clock.
      return `019b${hex(4)}-${hex(4)}-7${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`
    },
  }
  return random
}

/** cyrb128: four 32-bit words from a string. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}
