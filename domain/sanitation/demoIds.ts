// Row ids of the sanitation demo: UUIDv7-shaped, made from a counter, so the central server and a
// PC on its own that seed the demo from the same seed hold the same rows under the same ids (a PC
// that enrols later receives rows it already has, not a second city).

/** 2025-01-01T00:00:00Z: the ids' time part, the same for every demo row. */
const DEMO_EPOCH_MS = 1_735_689_600_000

export function demoIdSequence(seed: number): () => string {
  const time = DEMO_EPOCH_MS.toString(16).padStart(12, '0')
  const seedPart = (seed & 0xfff).toString(16).padStart(3, '0')
  const prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7000-8${seedPart}-`
  let n = 0
  return () => {
    n += 1
    return prefix + n.toString(16).padStart(12, '0')
  }
}

/** The seed the server and a PC on its own both use, so both make the same city with the same ids. */
export const DEMO_SANITATION_SEED = 20_260_401

/**
 * The demo's default size, the same on the server and on a PC on its own (the ids follow the
 * generator's order, so both must make the same city): Rustavi's households and organisations, a
 * year of charges and payments, 642,790 rows. `--demo-payers` asks for fewer (tests) or more.
 */
export const demoSanitationSize = { households: 30_000, organisations: 3_000 } as const
