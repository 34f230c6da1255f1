/** Small statistics and printing helpers shared by the benchmarks. */

/** Nearest-rank percentile (p in 0..100) of a non-empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]!
}

export const median = (values: readonly number[]): number => percentile(values, 50)

/** Milliseconds since `start` (a `performance.now()` reading). */
export const since = (start: number): number => performance.now() - start

export function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = work()
  return { value, ms: since(start) }
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms)
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`
  if (ms >= 1_000) return `${(ms / 1000).toFixed(2)} s`
  if (ms >= 10) return `${ms.toFixed(1)} ms`
  return `${ms.toFixed(2)} ms`
}

export const formatCount = (n: number): string => n.toLocaleString('en-US')

export interface Figure {
  /** What was measured, e.g. "p95 per keystroke". */
  label: string
  value: number
  /** The target the value must not exceed. */
  target: number
  format?: (value: number) => string
}

export interface Outcome {
  name: string
  met: boolean
}

/** Prints a benchmark's figures, each against its target, and the raw baseline beside them. */
export function report(
  name: string,
  figures: readonly Figure[],
  raw: { label: string; value: number; format?: (value: number) => string } | null,
  notes: readonly string[] = [],
): Outcome {
  const met = figures.every((f) => f.value <= f.target)
  console.log(`\n== ${name}: ${met ? 'TARGET MET' : 'TARGET MISSED'}`)
  for (const f of figures) {
    const fmt = f.format ?? formatMs
    const ok = f.value <= f.target ? 'ok    ' : 'MISSED'
    const ratio = raw && raw.value > 0 ? `  (${(f.value / raw.value).toFixed(1)}x raw)` : ''
    console.log(
      `   ${ok} ${f.label.padEnd(44)} ${fmt(f.value).padStart(10)}   TARGET <= ${fmt(f.target)}${ratio}`,
    )
  }
  if (raw) {
    const fmt = raw.format ?? formatMs
    console.log(`   raw    ${raw.label.padEnd(44)} ${fmt(raw.value).padStart(10)}`)
  }
  for (const note of notes) console.log(`   note   ${note}`)
  return { name, met }
}

/** A benchmark that could not run here, with the reason printed instead of a figure. */
export function skipped(name: string, reason: string): Outcome & { skipped: true } {
  console.log(`\n== ${name}: SKIPPED\n   reason ${reason}`)
  return { name, met: false, skipped: true }
}
