import { eq, sql } from 'drizzle-orm'
import { syncCounter } from '../db/schema'
import type { Queryable, SyncTx } from './syncTx'

export interface LockedCounter {
  /** The last sequence number given out before this transaction. */
  seq: number
  retainedFrom: number
}

/**
 * Locks the counter row until the transaction ends (making it on first use). Every writer of the
 * change log takes this lock first, so commits happen in sequence order and a reader paging by
 * `seq > cursor` never skips a number that commits later (research/sync.md 6.4).
 */
export async function lockCounter(tx: SyncTx): Promise<LockedCounter> {
  const [row] = await tx
    .insert(syncCounter)
    .values({ id: 1, seq: 0, retainedFrom: 0 })
    .onConflictDoUpdate({ target: syncCounter.id, set: { seq: sql`${syncCounter.seq}` } })
    .returning({ seq: syncCounter.seq, retainedFrom: syncCounter.retainedFrom })
  if (!row) throw new Error('sync_counter has no row')
  return row
}

/** Takes the `used` numbers after `locked.seq` from the locked counter. */
export async function advanceCounter(tx: SyncTx, locked: LockedCounter, used: number): Promise<void> {
  if (used === 0) return
  const [row] = await tx
    .update(syncCounter)
    .set({ seq: sql`${syncCounter.seq} + ${used}` })
    .where(eq(syncCounter.id, 1))
    .returning({ seq: syncCounter.seq })
  if (row?.seq !== locked.seq + used) throw new Error('sync_counter moved while locked')
}

/** The counter as it stands (no lock): the newest committed sequence number and the log's horizon. */
export async function readCounter(db: Queryable): Promise<LockedCounter> {
  const [row] = await db
    .select({ seq: syncCounter.seq, retainedFrom: syncCounter.retainedFrom })
    .from(syncCounter)
    .where(eq(syncCounter.id, 1))
  return row ?? { seq: 0, retainedFrom: 0 }
}

/** Hands out sequence numbers inside one locked transaction. */
export class SequenceAllocator {
  private last: number
  constructor(readonly locked: LockedCounter) {
    this.last = locked.seq
  }
  next(): number {
    this.last += 1
    return this.last
  }
  /** Gives back numbers taken after `mark` (a mutation that was then refused). */
  rewind(mark: number): void {
    this.last = mark
  }
  get current(): number {
    return this.last
  }
  get used(): number {
    return this.last - this.locked.seq
  }
}
