import type { AckedSave } from './checker'
import type { ServerView } from './views'

// Whether one acknowledged save had seen another, by the stores alone. A save's base versions name
// the change log of the server generation its PC knew when the clerk saved: the log before a server
// restore (read just before the backup was put back) or the one after. A save saw another when its
// base for the field is at or after the other's change in that same log; a save that log never had
// (made after the restore, or never applied before it) was seen by nobody who saved in it.

export interface EditOrder {
  /** Had the clerk of `later` seen the change `earlier` made to `field` (or one after it)? */
  saw(later: AckedSave, earlier: AckedSave, field: string): boolean
  /** The save's change in the final log (null: it has none: refused, or undone by a PC restore). */
  finalSeq(save: AckedSave): number | null
}

/** Mutation id -> the sequence number of its change, in one log. */
function changeSeqs(view: ServerView): Map<string, number> {
  const seqs = new Map<string, number>()
  for (const change of view.changes) if (change.originMutation) seqs.set(change.originMutation, change.seq)
  return seqs
}

const baseOf = (save: AckedSave, field: string): number | null =>
  (save.op === 'delete' ? save.baseVersions.deletedAt : save.baseVersions[field]) ?? null

export function editOrder(server: ServerView, beforeRestore?: ServerView): EditOrder {
  const final = changeSeqs(server)
  const lost = beforeRestore ? changeSeqs(beforeRestore) : null
  const logOf = (save: AckedSave) =>
    lost && save.generation !== null && save.generation !== server.generation ? lost : final
  return {
    saw(later, earlier, field) {
      const base = baseOf(later, field)
      const position = logOf(later).get(earlier.mutationId)
      return base !== null && position !== undefined && base >= position
    },
    finalSeq: (save) => final.get(save.mutationId) ?? null,
  }
}
