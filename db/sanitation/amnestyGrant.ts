import { v7 as uuidv7 } from 'uuid'
import { DomainError } from '../../domain/errors'
import type { AmnestyOutcome } from '../../domain/sanitation/editSchemas'
import type { SanitationAmnestyRow } from '../../domain/sanitation/rows'
import type { AmnestyFields } from '../../domain/sanitation/schemas'
import type { Db } from '../database'
import type { Actor, Change, WritePath } from '../writePath'
import { type RecordLineOptions, writeLinesInBatches } from './lineBatches'
import { plannedAmnesty } from './relief'

// Granting a period amnesty in batches. The amnesty row is written first ('granting'); each batch
// of its lines is one transaction that also sets the row's count and sum to the lines written so
// far, and the last batch marks it 'granted'. So a grant the app stopped in the middle (a crash, a
// power cut, the head's Stop) is an amnesty 'granting' whose row counts exactly the lines it has.
// Completing it plans the amnesty again: a payer's period it already forgives (its line key
// `amnesty/<amnesty>/<payer>/<period>`) gives no new line, so only what is missing is written.

export type AmnestyGranted = AmnestyOutcome & { id: string }

type StoredAmnesty = SanitationAmnestyRow & { id: string }

export function storedAmnesty(db: Db, id: string): StoredAmnesty | undefined {
  return db.$client
    .prepare(
      `SELECT id, from_period AS fromPeriod, to_period AS toPeriod, coverage, legal_act_number AS legalActNumber,
         legal_act_date AS legalActDate, legal_act_kind AS legalActKind, reason, state,
         line_count AS lineCount, total_tetri AS totalTetri
       FROM sanitation_amnesty WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(id) as StoredAmnesty | undefined
}

/** Writes the amnesty and its lines; answers what this call wrote. */
export async function grantAmnesty(
  db: Db,
  write: WritePath,
  actor: Actor,
  fields: AmnestyFields,
  today: string,
  options: RecordLineOptions<AmnestyGranted> = {},
): Promise<AmnestyGranted> {
  const id = uuidv7()
  const planned = plannedAmnesty(db, { id, ...fields }, today)
  const state = planned.lines.length === 0 ? 'granted' : 'granting'
  write(actor, [
    {
      op: 'insert',
      entity: 'sanitationAmnesty',
      id,
      values: { ...fields, state, lineCount: 0, totalTetri: 0 },
    },
  ])
  return writeAmnestyLines(write, actor, { id, lineCount: 0, totalTetri: 0 }, planned, options)
}

/** Writes what an interrupted grant left unwritten, and marks the amnesty granted. */
export async function completeAmnesty(
  db: Db,
  write: WritePath,
  actor: Actor,
  id: string,
  today: string,
  options: RecordLineOptions<AmnestyGranted> = {},
): Promise<AmnestyGranted> {
  const amnesty = storedAmnesty(db, id)
  if (!amnesty) throw new DomainError('NOT_FOUND', 'No such amnesty')
  if (amnesty.state === 'granted') {
    throw new DomainError('VALIDATION', 'The amnesty is granted in full', {
      id: 'sanitation.amnestyForm.alreadyGranted',
    })
  }
  const planned = plannedAmnesty(db, amnesty, today)
  if (planned.lines.length === 0) write(actor, [stateGranted(id, amnesty)])
  return writeAmnestyLines(write, actor, amnesty, planned, options)
}

const stateGranted = (id: string, counts: { lineCount: number; totalTetri: number }): Change => ({
  op: 'update',
  entity: 'sanitationAmnesty',
  id,
  values: { state: 'granted', lineCount: counts.lineCount, totalTetri: counts.totalTetri },
})

async function writeAmnestyLines(
  write: WritePath,
  actor: Actor,
  amnesty: { id: string; lineCount: number; totalTetri: number },
  planned: ReturnType<typeof plannedAmnesty>,
  options: RecordLineOptions<AmnestyGranted>,
): Promise<AmnestyGranted> {
  const { onStart, ...batching } = options
  const answer = { id: amnesty.id, ...planned.outcome }
  onStart?.({ recordId: amnesty.id, totalLines: planned.lines.length, answer })
  const total = planned.lines.length
  await writeLinesInBatches(write, actor, planned.lines, {
    ...batching,
    alongside: (done) => {
      const counts = {
        lineCount: amnesty.lineCount + done.count,
        totalTetri: amnesty.totalTetri + done.tetri,
      }
      if (done.count === total) return [stateGranted(amnesty.id, counts)]
      return [{ op: 'update', entity: 'sanitationAmnesty', id: amnesty.id, values: counts }]
    },
  })
  return answer
}
