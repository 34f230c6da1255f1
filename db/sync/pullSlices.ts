import type { PullResponse } from '../../domain/sync/protocol'

/**
 * Cuts a pulled page into smaller pages of about `size` changes each, so that each is applied in
 * its own short transaction and a clerk's save waits for one slice, not for a whole page. A slice
 * ends only where a server transaction ends (a PC never shows half of one), so one transaction
 * larger than `size` stays whole. Every slice but the last has more after it and moves the cursor
 * to its last change: pulling after that position brings the rest of the page again.
 */
export function slicesOfPullPage(page: PullResponse, size: number): PullResponse[] {
  const { changes } = page
  const slices: PullResponse[] = []
  let start = 0
  for (let i = 1; i < changes.length; i++) {
    const before = changes[i - 1]!
    const entry = changes[i]!
    // A page out of order is not cut at all: its cursor positions would not be safe.
    if (entry.seq <= before.seq) return [page]
    if (i - start >= size && entry.txSeq !== before.txSeq) {
      slices.push({ changes: changes.slice(start, i), next: before.seq, hasMore: true })
      start = i
    }
  }
  if (slices.length === 0) return [page]
  slices.push({ changes: changes.slice(start), next: page.next, hasMore: page.hasMore })
  return slices
}
