import type { FieldValue } from './protocol'

// After a server restore, PCs send again the changes the server had acknowledged after its backup
// (replays), in whatever order the PCs come back. Each replay still knows where it stood in the log
// the restore threw away: its position there and the version it was based on. In that log one edit
// saw another when its base is at or after the other's position, so that order, not the order the
// replays arrive in, tells an edit made on top of another (no conflict) from a concurrent one.
// A PC can have forgotten a position (put back to its own backup, say); then the edits made on top
// of that change still tell, by naming it among the changes of the row their PC had received.

/** The most changes a replay names as received before it (the newest of its row). */
export const SEEN_LIMIT = 20

/** Where a replayed edit stood in the lost log. */
export interface LostPosition {
  /** Its change-log position there; null when the PC never heard that the server had applied it. */
  seq: number | null
  /** The version (of the field, or of the deletion) its clerk had seen there. */
  base: number | null
  /** Its mutation id and its PC (absent on replays merged before they were kept). */
  mutation?: string
  device?: string
  /** The mutations of its row its PC had received before the clerk made it (at most SEEN_LIMIT). */
  seen?: readonly string[]
}

/** A replayed edit of one field, kept with the field so that later replays are compared with it. */
export interface ReplayedEdit extends LostPosition {
  /** The change-log position it was merged at after the restore. */
  at: number
  value: FieldValue
  device: string
  by: string
  /** Clamped on arrival, as every HLC the server keeps. */
  hlc: string
}

/** Had the clerk of `later` seen the edit at `earlier` (or one made after it) in the lost log? */
export function saw(later: LostPosition, earlier: LostPosition): boolean {
  if (later.base !== null && earlier.seq !== null && later.base >= earlier.seq) return true
  // Only another PC's change counts: a PC's own earlier change is in its history at once, before
  // its versions say anything of it, and a PC's own edits follow one another anyway.
  if (earlier.mutation === undefined || earlier.device === undefined || later.device === earlier.device)
    return false
  return later.seen?.includes(earlier.mutation) ?? false
}

/** Neither saw the other, and different PCs made them (a PC's own edits follow one another). */
export function concurrentReplays(a: ReplayedEdit, b: ReplayedEdit): boolean {
  return a.device !== b.device && !saw(a, b) && !saw(b, a)
}

/**
 * The replayed edits `incoming` conflicts with: those concurrent with it, less any that another of
 * them saw before `incoming` came in the lost log (that one carried it on, as the lost log's single
 * current value did; one that came after `incoming` had not yet), and less any that its own PC
 * edited again before `incoming` came (there `incoming` met that later edit, or what came after it,
 * never this one). Where a position is unknown, the edit is kept: a conflict too many waits for a
 * person, one too few would lose a value.
 */
export function concurrentFrontier(edits: readonly ReplayedEdit[], incoming: ReplayedEdit): ReplayedEdit[] {
  const concurrent = edits.filter((e) => concurrentReplays(e, incoming))
  return concurrent.filter(
    (e) =>
      !concurrent.some((other) => other !== e && saw(other, e) && cameBefore(other, incoming)) &&
      !editedAgainBefore(edits, e, incoming),
  )
}

const cameBefore = (a: LostPosition, b: LostPosition): boolean =>
  a.seq !== null && b.seq !== null && a.seq < b.seq

function editedAgainBefore(edits: readonly ReplayedEdit[], e: ReplayedEdit, incoming: ReplayedEdit): boolean {
  const [from, to] = [e.seq, incoming.seq]
  if (from === null || to === null) return false
  return edits.some((o) => o !== e && o.device === e.device && o.seq !== null && o.seq > from && o.seq < to)
}
