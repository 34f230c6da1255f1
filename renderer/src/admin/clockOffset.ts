/** DESIGN.md section 5 and research/sync.md 6.7: IT is alerted when a PC's clock is off by more than this. */
export const CLOCK_WARNING_MS = 2 * 60_000

export const clockNeedsAttention = (offsetMs: number | null): boolean =>
  offsetMs !== null && Math.abs(offsetMs) > CLOCK_WARNING_MS

export interface DurationPart {
  unit: 'days' | 'hours' | 'minutes' | 'seconds'
  n: number
}

/**
 * A clock offset as its sign and its two largest units (`+`, 3 min, 20 s): enough to see how far off
 * a clock is, short enough for a table cell. Positive means the PC's clock is ahead of the server's.
 */
export function clockOffsetParts(offsetMs: number): { sign: '+' | '−' | ''; parts: DurationPart[] } {
  const total = Math.round(Math.abs(offsetMs) / 1000)
  const sign = total === 0 ? '' : offsetMs > 0 ? '+' : '−'
  const all: DurationPart[] = [
    { unit: 'days', n: Math.floor(total / 86_400) },
    { unit: 'hours', n: Math.floor((total % 86_400) / 3_600) },
    { unit: 'minutes', n: Math.floor((total % 3_600) / 60) },
    { unit: 'seconds', n: total % 60 },
  ]
  const first = all.findIndex((part) => part.n > 0)
  if (first < 0) return { sign, parts: [{ unit: 'seconds', n: 0 }] }
  return { sign, parts: all.slice(first, first + 2).filter((part) => part.n > 0) }
}
