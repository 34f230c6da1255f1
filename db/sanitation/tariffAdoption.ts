import { v7 as uuidv7 } from 'uuid'
import { DomainError } from '../../domain/errors'
import type { TariffCorrections } from '../../domain/sanitation/editSchemas'
import type { TariffVersionFields } from '../../domain/sanitation/schemas'
import type { Db } from '../database'
import type { Actor, Change, WritePath } from '../writePath'
import { type RecordLineOptions, writeLinesInBatches } from './lineBatches'
import { type PlannedCorrections, plannedCorrections, rateRows, tariffVersionViews } from './tariffVersions'

// Adopting a tariff version in batches. The version and its rates are one transaction, 'issuing'
// when it corrects charges already issued; each batch of correction lines is one transaction that
// also sets the version's count and sum to the corrections written so far, and the last batch marks
// it 'issued'. A version the app stopped in the middle is in force (its rates are whole) with part
// of its corrections, which its row counts exactly. Completing it plans the corrections again: a
// charge this version already corrects (line key `correction/<charge>/<version>`) gives no new line.

export type TariffVersionAdopted = TariffCorrections & { id: string }

/** Writes the version, its rates and its correction lines; answers what this call wrote. */
export async function adoptTariffVersion(
  db: Db,
  write: WritePath,
  actor: Actor,
  fields: TariffVersionFields,
  today: string,
  options: RecordLineOptions<TariffVersionAdopted> = {},
): Promise<TariffVersionAdopted> {
  const id = uuidv7()
  const { bandRates: _b, activityRates: _a, ...version } = fields
  const planned = plannedCorrections(db, id, fields, today)
  const correctionsState = planned.lines.length === 0 ? 'issued' : 'issuing'
  write(actor, [
    {
      op: 'insert',
      entity: 'sanitationTariffVersion',
      id,
      values: { ...version, correctionsState, correctionCount: 0, correctionTetri: 0 },
    },
    ...rateRows(id, fields).map(
      (values): Change => ({ op: 'insert', entity: 'sanitationTariffRate', subjectId: id, values }),
    ),
  ])
  return writeCorrections(write, actor, { id, correctionCount: 0, correctionTetri: 0 }, planned, options)
}

/** Writes the corrections an interrupted adoption left unwritten, and marks them issued. */
export async function completeCorrections(
  db: Db,
  write: WritePath,
  actor: Actor,
  id: string,
  today: string,
  options: RecordLineOptions<TariffVersionAdopted> = {},
): Promise<TariffVersionAdopted> {
  const stored = tariffVersionViews(db).find((v) => v.id === id)
  if (!stored) throw new DomainError('NOT_FOUND', 'No such tariff version')
  if (stored.correctionsState === 'issued') {
    throw new DomainError('VALIDATION', 'The corrections are issued in full', {
      id: 'sanitation.tariffs.alreadyIssued',
    })
  }
  const {
    id: _id,
    version: _version,
    correctionsState: _s,
    correctionCount,
    correctionTetri,
    ...fields
  } = stored
  const planned = plannedCorrections(db, id, fields, today)
  if (planned.lines.length === 0) write(actor, [issued(id, { correctionCount, correctionTetri })])
  return writeCorrections(write, actor, { id, correctionCount, correctionTetri }, planned, options)
}

const issued = (id: string, counts: { correctionCount: number; correctionTetri: number }): Change => ({
  op: 'update',
  entity: 'sanitationTariffVersion',
  id,
  values: { correctionsState: 'issued', ...counts },
})

async function writeCorrections(
  write: WritePath,
  actor: Actor,
  version: { id: string; correctionCount: number; correctionTetri: number },
  planned: PlannedCorrections,
  options: RecordLineOptions<TariffVersionAdopted>,
): Promise<TariffVersionAdopted> {
  const { onStart, ...batching } = options
  const answer = { id: version.id, ...planned.summary }
  const total = planned.lines.length
  onStart?.({ recordId: version.id, totalLines: total, answer })
  // A payer's corrections of several periods go in one batch: its account is summed once, not per period.
  const byPayer = [...planned.lines].sort((a, b) =>
    a.payerId < b.payerId ? -1 : a.payerId > b.payerId ? 1 : 0,
  )
  await writeLinesInBatches(write, actor, byPayer, {
    ...batching,
    alongside: (done) => {
      const counts = {
        correctionCount: version.correctionCount + done.count,
        correctionTetri: version.correctionTetri + done.tetri,
      }
      if (done.count === total) return [issued(version.id, counts)]
      return [{ op: 'update', entity: 'sanitationTariffVersion', id: version.id, values: counts }]
    },
  })
  return answer
}
