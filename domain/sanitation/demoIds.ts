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
