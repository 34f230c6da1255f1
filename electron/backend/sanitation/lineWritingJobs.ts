import type { LinesStarted, RecordLineOptions } from '../../../db/sanitation/lineBatches'
import { DomainError } from '../../../domain/errors'
import type { LineWritingProgress } from '../../../domain/sanitation/editSchemas'

// Amnesties and tariff versions whose lines are being written in the background, as the billing run
// is (service.ts): the call answers once the record is written, the screen asks the progress twice
// a second, and a Stop is honoured between two batches. Only what this backend started is here; a
// record the app was closed on is told from its row (state 'granting' / 'issuing').

interface Job extends LineWritingProgress {
  stop: boolean
}

export interface LineWritingJobs {
  /** True while any record's lines are being written. */
  running(): boolean
  /**
   * Starts `write` and answers once its record exists (its `onStart`), or with its error when it
   * fails before; a failure after that ends the job as stopped, to be completed later.
   */
  start<T>(write: (options: RecordLineOptions<T>) => Promise<unknown>): Promise<T>
  progress(recordId: string): LineWritingProgress | undefined
  /** Asks the job to stop between batches; false when no such job runs. */
  stop(recordId: string): boolean
}

export function lineWritingJobs(): LineWritingJobs {
  const jobs = new Map<string, Job>()
  return {
    running: () => [...jobs.values()].some((j) => j.state === 'running'),

    start<T>(write: (options: RecordLineOptions<T>) => Promise<unknown>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        let job: Job | null = null
        write({
          onStart({ recordId, totalLines, answer }: LinesStarted<T>) {
            job = { recordId, state: 'running', doneLines: 0, totalLines, doneTetri: 0, stop: false }
            jobs.set(recordId, job)
            resolve(answer)
          },
          onProgress(p) {
            if (job) Object.assign(job, { doneLines: p.doneLines, doneTetri: p.doneTetri })
          },
          cancelled: () => job?.stop ?? false,
        })
          .then(() => {
            if (job) job.state = job.doneLines < job.totalLines ? 'stopped' : 'completed'
          })
          .catch((error: unknown) => {
            if (!job) return reject(error)
            job.state = 'stopped'
            console.error('Writing the lines stopped:', error)
          })
      })
    },

    progress(recordId) {
      const job = jobs.get(recordId)
      if (!job) return undefined
      const { stop: _stop, ...progress } = job
      return progress
    },

    stop(recordId) {
      const job = jobs.get(recordId)
      if (job?.state !== 'running') return false
      job.stop = true
      return true
    },
  }
}

export const busyWriting = (field: string) =>
  new DomainError('VALIDATION', 'Lines are being written', { [field]: 'sanitation.lineWriting.busy' })
