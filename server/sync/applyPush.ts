import { eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import type { Mutation, MutationResult, PushRequest, PushResponse, Scope } from '../../domain/sync/protocol'
import type { DeviceAuth, ServerContext } from '../context'
import { devices, mutationLog } from '../db/schema'
import { readServerMeta } from '../db/serverMeta'
import { HttpError } from '../http/httpError'
import { applyMutation, type MutationContext } from './applyMutation'
import { loadAuthors } from './authors'
import { PushBatch } from './pushBatch'
import { advanceCounter, lockCounter, SequenceAllocator } from './sequence'
import type { SyncTx } from './syncTx'

type Push = z.infer<typeof PushRequest>

/**
 * Applies a PC's batch of outbox rows in device-sequence order, in one transaction that takes its
 * sequence numbers from the locked counter row and writes records, unique keys, change log,
 * mutation log and the device's last applied sequence number together (research/sync.md 6.4-6.5).
 * A repeated mutation returns its stored result and changes nothing; a gap is refused with 409.
 * Pokes go out after the commit.
 */
export async function applyPush(ctx: ServerContext, device: DeviceAuth, push: Push): Promise<PushResponse> {
  const { mutations } = push
  for (let i = 1; i < mutations.length; i++) {
    if (mutations[i]!.seq !== mutations[i - 1]!.seq + 1) {
      throw new HttpError(400, 'BAD_REQUEST', 'A batch must hold consecutive device sequence numbers')
    }
  }
  const authors = await loadAuthors(
    ctx,
    mutations.map((m) => m.userId),
  )
  const receivedAt = ctx.now()

  const outcome = await ctx.db.transaction(async (tx) => {
    const locked = await lockCounter(tx)
    const [state] = await tx
      .select({ epoch: devices.epoch, lastSeq: devices.lastSeq })
      .from(devices)
      .where(eq(devices.id, device.deviceId))
      .for('update')
    if (!state) throw new HttpError(401, 'UNAUTHENTICATED', 'This PC is not enrolled')
    if (push.epoch !== state.epoch) {
      throw new HttpError(409, 'EPOCH_MISMATCH', `The device's epoch is ${state.epoch}, not ${push.epoch}`, {
        epoch: state.epoch,
      })
    }
    const first = mutations[0]!.seq
    if (first > state.lastSeq + 1) {
      throw new HttpError(409, 'SEQUENCE_GAP', `Expected device sequence number ${state.lastSeq + 1}`, {
        expected: state.lastSeq + 1,
      })
    }

    const known = await storedResults(tx, mutations)
    // A change the server has never seen under a sequence number this epoch already used: the PC's
    // store went back in time (restored from a backup) and is numbering again from there. A new
    // epoch lets it push those changes again; committed alone, answered 409 after the commit.
    if (mutations.some((m) => m.seq <= state.lastSeq && !known.has(m.mutationId))) {
      const epoch = state.epoch + 1
      await tx.update(devices).set({ epoch, lastSeq: 0 }).where(eq(devices.id, device.deviceId))
      return { rotatedTo: epoch } as const
    }

    const seqs = new SequenceAllocator(locked)
    const batch = new PushBatch(tx)
    const w: MutationContext = {
      tx,
      batch,
      seqs,
      txSeq: locked.seq + 1,
      at: receivedAt,
      device,
      authors,
      pokes: new Map(),
      restoredAtSeq: (await readServerMeta(tx))?.restoredAtSeq ?? null,
    }
    await batch.preload(mutations.filter((m) => !known.has(m.mutationId) && m.seq > state.lastSeq))
    const results: MutationResult[] = []
    let lastSeq = state.lastSeq
    for (const mutation of mutations) {
      const stored = known.get(mutation.mutationId)
      if (stored) {
        // Sent before (a lost answer, or a re-push under a new epoch): the same answer, nothing new.
        results.push({ ...stored, seq: mutation.seq })
      } else {
        const outcome = await applyMutation(w, mutation)
        results.push(outcome.result)
        batch.logMutation({
          mutationId: mutation.mutationId,
          deviceId: device.deviceId,
          epoch: state.epoch,
          clientSeq: mutation.seq,
          entity: mutation.entity,
          rowId: mutation.rowId,
          op: mutation.op,
          fields: auditable(mutation.fields),
          base: mutation.baseVersions,
          hlc: mutation.hlc,
          userId: mutation.userId,
          status: outcome.result.status,
          result: outcome.result,
          seqFrom: outcome.seqFrom,
          seqTo: outcome.seqTo,
          receivedAt,
        })
        known.set(mutation.mutationId, outcome.result)
      }
      lastSeq = Math.max(lastSeq, mutation.seq)
    }
    await batch.flush()
    await advanceCounter(tx, locked, seqs.used)
    if (lastSeq !== state.lastSeq) {
      await tx.update(devices).set({ lastSeq }).where(eq(devices.id, device.deviceId))
    }
    return { response: { results, deviceLastSeq: lastSeq }, pokes: w.pokes }
  })

  if ('rotatedTo' in outcome) {
    throw new HttpError(
      409,
      'EPOCH_MISMATCH',
      'This PC reused device sequence numbers (restored from a backup): push again under the new epoch',
      { epoch: outcome.rotatedTo },
    )
  }
  await notifyAll(ctx, outcome.pokes)
  return outcome.response
}

/** What the mutation log already says about this batch's mutations, by mutation id. */
async function storedResults(
  tx: SyncTx,
  mutations: readonly Mutation[],
): Promise<Map<string, MutationResult>> {
  const rows = await tx
    .select({ mutationId: mutationLog.mutationId, result: mutationLog.result })
    .from(mutationLog)
    .where(
      inArray(
        mutationLog.mutationId,
        mutations.map((m) => m.mutationId),
      ),
    )
  return new Map(rows.map((row) => [row.mutationId, row.result as MutationResult]))
}

/** PostgreSQL text cannot hold U+0000: the audit copy of a refused change shows it as U+FFFD. */
function auditable(fields: Mutation['fields']): Mutation['fields'] {
  const out: Mutation['fields'] = {}
  for (const [k, v] of Object.entries(fields))
    out[k] = typeof v === 'string' ? v.replaceAll('\0', '\uFFFD') : v
  return out
}

async function notifyAll(ctx: ServerContext, pokes: ReadonlyMap<Scope, number>): Promise<void> {
  for (const [scope, seq] of pokes) {
    try {
      await ctx.notify(scope, seq)
    } catch {
      // A lost poke only delays a PC until its next periodic pull; the push itself has committed.
    }
  }
}
