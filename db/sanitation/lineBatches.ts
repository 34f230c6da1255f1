import type { SanitationChargeLineRow } from '../../domain/sanitation/rows'
import type { Actor, Change, WritePath } from '../writePath'

// Writing many charge lines (a billing run, its reversal, an amnesty, a tariff version's corrections)
// in batches: each batch is one call of the write path, so one transaction (rows, outbox, history),
// and the writer connection is free again between batches. Progress is reported after each batch,
// a cancel is honoured between batches, and a batch may carry the change of the record the lines
// belong to, so that record always counts exactly the lines written.

export interface LineProgress {
  doneLines: number
  totalLines: number
  doneTetri: number
}

export interface LineBatchOptions {
  /** Lines per transaction (default 5,000). */
  batchSize?: number
  onProgress?: (progress: LineProgress) => void
  /** Asked between batches: true stops, keeping the batches already written. */
  cancelled?: () => boolean
  /** Changes written in the same transaction as each batch, after its lines (`done`: so far, this batch included). */
  alongside?: (done: { count: number; tetri: number }) => Change[]
}

/** The record the lines belong to is written: its id, the lines to come, and the call's answer. */
export interface LinesStarted<T> {
  recordId: string
  totalLines: number
  answer: T
}

export interface RecordLineOptions<T> extends LineBatchOptions {
  /** Called once the record exists, before the first batch. */
  onStart?: (started: LinesStarted<T>) => void
}

export const DEFAULT_BATCH = 5_000

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Writes the lines in batches; answers how many were written and their sum. */
export async function writeLinesInBatches(
  write: WritePath,
  actor: Actor,
  lines: readonly SanitationChargeLineRow[],
  options: LineBatchOptions = {},
): Promise<{ count: number; tetri: number }> {
  const size = options.batchSize ?? DEFAULT_BATCH
  let count = 0
  let tetri = 0
  for (let start = 0; start < lines.length; start += size) {
    if (start > 0) {
      await yieldToEventLoop()
      if (options.cancelled?.()) break
    }
    const batch = lines.slice(start, start + size)
    const changes: Change[] = batch.map((line) => ({
      op: 'insert',
      entity: 'sanitationChargeLine',
      values: { ...line },
      subjectId: line.payerId,
    }))
    let batchTetri = 0
    for (const line of batch) batchTetri += line.amountTetri
    const done = { count: count + batch.length, tetri: tetri + batchTetri }
    if (options.alongside) changes.push(...options.alongside(done))
    write(actor, changes)
    count = done.count
    tetri = done.tetri
    options.onProgress?.({ doneLines: count, totalLines: lines.length, doneTetri: tetri })
  }
  return { count, tetri }
}
