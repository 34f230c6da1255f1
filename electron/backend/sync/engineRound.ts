import { checkpointsInBackground } from '../../../db/backgroundCheckpoint'
import type { Db } from '../../../db/database'
import { applyPullPage } from '../../../db/sync/applyPullPage'
import { applySnapshotPage } from '../../../db/sync/applySnapshotPage'
import { pruneConfirmed, replayKeptChanges } from '../../../db/sync/confirmedMutations'
import {
  deviceIdentity,
  saveAcknowledged,
  saveClockOffset,
  saveServerGeneration,
} from '../../../db/sync/deviceIdentity'
import { buildIndexesStep } from '../../../db/sync/indexBuild'
import { dropNumberBlocks } from '../../../db/sync/numberPool'
import { markSentUpTo, outboxCounts, readOutbox, renumberOutboxForEpoch } from '../../../db/sync/outbox'
import { outboxRowSet } from '../../../db/sync/outboxRowSet'
import { slicesOfPullPage } from '../../../db/sync/pullSlices'
import { recordPushResults } from '../../../db/sync/pushResults'
import { allScopeStates, scopeState } from '../../../db/sync/scopeState'
import { purgeScope, resetScope } from '../../../db/sync/scopes'
import { SyncDataError } from '../../../db/sync/syncDataError'
import { walFlusher } from '../../../db/walFlush'
import type { DerivedIndex } from '../../../db/writePath'
import { type HelloResponse, Scope } from '../../../domain/sync/protocol'
import type { SyncHttpClient } from './httpClient'
import { SyncFailure } from './httpFailure'
import { type SeriesOfDepartment, topUpNumbers } from './numbers'

export const PUSH_BATCH = 500
/**
 * Changes per pull page. A page arrives whole and is decoded, parsed and checked in one go on the
 * app's thread; at 5,000 changes that took 50-100 ms on a busy PC, and a clerk's save due then
 * waited for it. The next page is fetched while this one is applied, so more pages cost no time.
 */
export const PULL_PAGE = 2_000
/** The largest page the server gives: fewer, longer transactions (no row waits on another's index pages). */
export const SNAPSHOT_PAGE = 10_000
/**
 * Changes applied in one transaction (a pulled page is cut on server transaction boundaries): about
 * 15 ms on an idle 2-core PC. Each slice's commit costs a few ms whatever it holds; 100 made them an
 * eighth of a catch-up.
 */
export const PULL_SLICE = 200
/** Work between two turns of the event loop in a catch-up, at most (plus one slice). */
const YIELD_AFTER_MS = 10
/** Snapshot pages (or index build steps) of a long sync between two WAL checkpoints. */
const CHECKPOINT_PAGES = 8
/**
 * Pulled slices between two WAL checkpoints. A checkpoint syncs the database file, tens of
 * milliseconds whatever it copies: after every few slices they were a sixth of a catch-up. They run
 * in a worker thread (db/backgroundCheckpoint.ts), so the clerks' saves never wait for one.
 */
const CHECKPOINT_SLICES = 50

export interface RoundContext {
  db: Db
  http: SyncHttpClient
  derivedIndexes: readonly DerivedIndex[]
  numberSeries: readonly SeriesOfDepartment[]
  now: () => Date
  signal: AbortSignal
  /** Rows per snapshot page (SNAPSHOT_PAGE unless a test wants many small pages). */
  snapshotPage?: number
}

export type RoundResult =
  | { kind: 'notEnrolled' }
  /** `sessionEnded`: the round went on as the PC alone; the user must sign in again. */
  | { kind: 'done'; updateRequired: boolean; sessionEnded: boolean }

/**
 * One sync round: hello (clock offset, generation, actions), push the outbox in order, pull every
 * readable scope (bootstrapping new ones from a snapshot), top up number blocks. Each page is its
 * own short transaction, and the event loop gets a turn between pages, so clerks keep saving.
 */
export async function runRound(ctx: RoundContext): Promise<RoundResult> {
  const { db } = ctx
  const identity = deviceIdentity(db)
  if (!identity.deviceToken) return { kind: 'notEnrolled' }

  let sentAt = ctx.now().getTime()
  const sayHello = (withoutSession: boolean) => {
    sentAt = ctx.now().getTime()
    const body = {
      lastLocalSeq: identity.lastSeq,
      cursors: cursorsOf(db),
      knownGeneration: identity.serverGeneration,
      clientTime: new Date(sentAt).toISOString(),
      pendingChanges: outboxCounts(db).unconfirmed,
      acknowledged: identity.epoch === null ? null : { epoch: identity.epoch, seq: identity.acknowledgedSeq },
    }
    return ctx.http.hello(body, ctx.signal, withoutSession)
  }
  let sessionEnded = false
  let hello: HelloResponse
  try {
    hello = await sayHello(false)
  } catch (error) {
    // The signed-in user's server session has ended (their account was deactivated, say). What was
    // saved here still goes out under the PC's own token (the server routes a change of a user who
    // may no longer write to the head); pulls wait until someone signs in again.
    if (!(error instanceof SyncFailure && error.code === 'UNAUTHENTICATED')) throw error
    hello = await sayHello(true)
    sessionEnded = true
  }
  const receivedAt = ctx.now().getTime()
  // The server's clock against the middle of the round trip.
  const clockOffsetMs = Date.parse(hello.serverTime) - Math.round((sentAt + receivedAt) / 2)
  saveClockOffset(db, clockOffsetMs)

  const restored = identity.serverGeneration !== null && identity.serverGeneration !== hello.serverGeneration
  const { updateRequired, purges } = carryOutActions(ctx, hello, restored, identity.epoch)
  saveServerGeneration(db, hello.serverGeneration)

  if (!updateRequired) {
    try {
      await pushAll(ctx, hello.deviceLastSeq)
    } catch (error) {
      if (!(error instanceof SyncFailure && error.code === 'EPOCH_MISMATCH')) throw error
      // The server found this PC numbering changes again from an earlier point (its store was
      // restored from a backup after hello's check) and gave it a new epoch: renumber, push again.
      const again = await sayHello(sessionEnded)
      carryOutActions(ctx, again, false, deviceIdentity(db).epoch)
      await pushAll(ctx, again.deviceLastSeq)
    }
  }
  for (const scope of purges) {
    try {
      purgeScope(db, scope, ctx.derivedIndexes, ctx.now)
    } catch (error) {
      // A change could not be pushed yet: the purge waits for a later round.
      if (!(error instanceof SyncDataError && error.code === 'PENDING_CHANGES')) throw error
    }
  }
  for (const { scope } of hello.scopes) {
    if (!purges.includes(scope)) await pullScope(ctx, scope)
  }
  const serverNow = new Date(ctx.now().getTime() + clockOffsetMs)
  const writable = hello.scopes.filter((s) => s.write).map((s) => s.scope)
  await topUpNumbers(db, ctx.http, ctx.numberSeries, writable, serverNow, ctx.signal)
  pruneConfirmed(db, ctx.now())
  return { kind: 'done', updateRequired, sessionEnded }
}

/** Every scope's pull position (0 where this PC holds nothing live yet). */
function cursorsOf(db: Db): Record<Scope, number> {
  const cursors = Object.fromEntries(Scope.options.map((scope) => [scope, 0])) as Record<Scope, number>
  for (const s of allScopeStates(db.$client)) if (s.state === 'live') cursors[s.scope] = s.cursorSeq
  return cursors
}

function carryOutActions(
  ctx: RoundContext,
  hello: HelloResponse,
  restored: boolean,
  knownEpoch: number | null,
) {
  let updateRequired = false
  // A restored server lost what it acknowledged after its backup: every change this PC kept (the
  // confirmed ones and the outbox) goes again as a replay, in the order first sent, under the epoch
  // it gives now. The generation is saved only after this, so a PC stopped half-way starts again.
  if (restored) replayKeptChanges(ctx.db, hello.epoch, hello.deviceLastSeq + 1)
  let rotated = restored
  const purges: Scope[] = []
  for (const action of hello.actions) {
    switch (action.kind) {
      case 'updateRequired':
        updateRequired = true
        break
      case 'rotateEpoch':
        if (!restored) renumberOutboxForEpoch(ctx.db, action.epoch, hello.deviceLastSeq + 1)
        dropNumberBlocks(ctx.db)
        rotated = true
        break
      case 'resnapshot':
        resetScope(ctx.db, action.scope, ctx.derivedIndexes, ctx.now)
        break
      case 'purge':
        purges.push(action.scope)
        break
    }
  }
  // A new epoch without the action still means the unconfirmed rows must go again under it.
  if (!rotated && knownEpoch !== hello.epoch)
    renumberOutboxForEpoch(ctx.db, hello.epoch, hello.deviceLastSeq + 1)
  // A new epoch means this PC's store went back to a backup: numbers it issued after that backup may
  // sit in its blocks again as unissued, so the blocks go and fresh ones are leased.
  if (!rotated && knownEpoch !== null && knownEpoch !== hello.epoch) dropNumberBlocks(ctx.db)
  // The server went back in time: cursors may point past its log, so every scope starts again, and
  // blocks leased after its backup are unknown to it now and may be leased again to another PC.
  if (restored) {
    dropNumberBlocks(ctx.db)
    for (const s of allScopeStates(ctx.db.$client)) resetScope(ctx.db, s.scope, ctx.derivedIndexes, ctx.now)
  }
  return { updateRequired, purges }
}

/** Pushes every unconfirmed row after `deviceLastSeq`, in order, in batches. */
async function pushAll(ctx: RoundContext, deviceLastSeq: number): Promise<void> {
  // Rows the server has had but whose answer never arrived (a dropped response, a crash, a gap): an
  // applied one comes back by pull, a refused one only by its stored result, so each is sent again
  // alone (the server answers a repeat from its mutation log and changes nothing).
  const unanswered = readOutbox(ctx.db, { limit: PUSH_BATCH }).filter((m) => m.seq <= deviceLastSeq)
  for (const mutation of unanswered) {
    const epoch = deviceIdentity(ctx.db).epoch ?? 1
    const response = await ctx.http.push({ epoch, mutations: [mutation] }, ctx.signal)
    recordPushResults(ctx.db, response.results, ctx.derivedIndexes, ctx.now)
    saveAcknowledged(ctx.db, response.deviceLastSeq)
  }
  let after = deviceLastSeq
  let lastGap: number | null = null
  for (;;) {
    const batch = readOutbox(ctx.db, { limit: PUSH_BATCH, afterSeq: after })
    if (batch.length === 0) return
    const epoch = deviceIdentity(ctx.db).epoch ?? 1
    try {
      const response = await ctx.http.push({ epoch, mutations: batch }, ctx.signal)
      recordPushResults(ctx.db, response.results, ctx.derivedIndexes, ctx.now)
      saveAcknowledged(ctx.db, response.deviceLastSeq)
      after = Math.max(batch.at(-1)!.seq, response.deviceLastSeq)
      lastGap = null
    } catch (error) {
      const gap = error instanceof SyncFailure && error.code === 'SEQUENCE_GAP' ? error.expected : null
      // A gap the outbox cannot fill (or the same gap again) is not retried here: the round reports it.
      if (gap === null || gap === lastGap) throw error
      // Rows below the expected one were applied already: they wait for their pull.
      markSentUpTo(ctx.db, gap - 1, ctx.now())
      saveAcknowledged(ctx.db, gap - 1)
      after = gap - 1
      lastGap = gap
    }
    await nextTurn()
  }
}

async function pullScope(ctx: RoundContext, scope: Scope): Promise<void> {
  const checkpoints = checkpointsInBackground(ctx.db.$client, CHECKPOINT_SLICES)
  const flusher = walFlusher(ctx.db.$client)
  const afterSlice = () => {
    flusher.afterCommit()
    return checkpoints.afterSlice()
  }
  try {
    await pullPages(ctx, scope, afterSlice)
  } finally {
    await checkpoints.close()
    await flusher.close()
  }
}

async function pullPages(ctx: RoundContext, scope: Scope, afterSlice: () => Promise<void>): Promise<void> {
  let resnapshotted = false
  let lastTurn = performance.now()
  const fetchPage = (after: number) => {
    const page = ctx.http.pull({ scope, after, limit: PULL_PAGE }, ctx.signal)
    // A page asked for ahead may fail while the one before it is applied: it is awaited (and its
    // failure handled) only when its turn comes, never left as an unhandled rejection.
    page.catch(() => {})
    return { after, page }
  }
  let ahead: ReturnType<typeof fetchPage> | null = null
  const outboxRows = outboxRowSet(ctx.db.$client)
  for (;;) {
    if (scopeState(ctx.db.$client, scope).state !== 'live') await bootstrap(ctx, scope)
    const cursor = scopeState(ctx.db.$client, scope).cursorSeq
    const fetching = ahead?.after === cursor ? ahead : fetchPage(cursor)
    ahead = null
    let page: Awaited<ReturnType<SyncHttpClient['pull']>>
    try {
      page = await fetching.page
    } catch (error) {
      if (error instanceof SyncFailure && error.code === 'RESNAPSHOT' && !resnapshotted) {
        resetScope(ctx.db, scope, ctx.derivedIndexes, ctx.now)
        resnapshotted = true
        continue
      }
      // No longer readable: the next hello says to purge it.
      if (error instanceof SyncFailure && error.code === 'FORBIDDEN') return
      throw error
    }
    const more = page.hasMore && page.next > cursor
    // The next page is on its way while this one is applied: the server and the PC work at once.
    if (more) ahead = fetchPage(page.next)
    // Applied in slices, each its own transaction with its cursor, with a turn for the clerks'
    // saves once a slice ends YIELD_AFTER_MS after the last turn: a save waits for that and one
    // slice at most.
    for (const slice of slicesOfPullPage(page, PULL_SLICE)) {
      applyPullPage(ctx.db, scope, slice, ctx.derivedIndexes, outboxRows)
      await afterSlice()
      if (slice.hasMore && performance.now() - lastTurn >= YIELD_AFTER_MS) {
        await giveWay()
        lastTurn = performance.now()
      }
    }
    if (!more) return
  }
}

async function bootstrap(ctx: RoundContext, scope: Scope): Promise<void> {
  const fetchPage = (token: string | null) => {
    const limit = ctx.snapshotPage ?? SNAPSHOT_PAGE
    const page = ctx.http.snapshot({ scope, token: token ?? undefined, limit }, ctx.signal)
    // A page asked for ahead may fail while the one before it is applied: it is awaited (and its
    // failure reported) only when its turn comes, never left as an unhandled rejection.
    page.catch(() => {})
    return page
  }
  if (scopeState(ctx.db.$client, scope).state === 'live') return
  // Checkpoints in a worker thread, as in a catch-up: on this thread they were 5-8 % of a bootstrap.
  const checkpoints = checkpointsInBackground(ctx.db.$client, CHECKPOINT_PAGES)
  try {
    await bootstrapPages(ctx, scope, fetchPage, () => checkpoints.afterSlice())
  } finally {
    await checkpoints.close()
  }
}

async function bootstrapPages(
  ctx: RoundContext,
  scope: Scope,
  fetchPage: (token: string | null) => ReturnType<SyncHttpClient['snapshot']>,
  afterStep: () => Promise<void>,
): Promise<void> {
  let state = scopeState(ctx.db.$client, scope)
  if (state.state === 'indexing') return buildIndexes(ctx, scope, afterStep)
  let fetching = fetchPage(state.snapshotToken)
  for (;;) {
    const page = await fetching
    if (page.next !== null && page.next === state.snapshotToken) {
      throw new SyncFailure('BAD_RESPONSE', `The snapshot of ${scope} does not move on`)
    }
    // The next page is on its way while this one is applied: the server and the PC work at once
    // (the token is in the page, so the order and the resume point stay the same).
    if (page.next !== null) fetching = fetchPage(page.next)
    applySnapshotPage(ctx.db, scope, page, ctx.derivedIndexes, ctx.now)
    await afterStep()
    state = scopeState(ctx.db.$client, scope)
    if (state.state === 'live') return
    if (state.state === 'indexing') return buildIndexes(ctx, scope, afterStep)
    await nextTurn()
  }
}

/** The derived indexes of a scope whose rows are all in, step by step, with a turn between steps. */
async function buildIndexes(ctx: RoundContext, scope: Scope, afterStep: () => Promise<void>): Promise<void> {
  for (;;) {
    await nextTurn()
    const live = buildIndexesStep(ctx.db, scope, ctx.derivedIndexes)
    await afterStep()
    if (live) return
  }
}

/**
 * Lets queued work run between two pages or slices: a clerk's save arriving over IPC or a request
 * to the web host (read in the loop's poll phase, all that are waiting), a timer that is due. An
 * immediate, not a timer: a timer turn sleeps a millisecond or more in the poll phase, and after
 * each of a catch-up's 500 slices those sleeps were a tenth of it; each turn of the loop still runs
 * the timers that are due.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Two turns of the loop between two slices of a catch-up: saves that arrived during a slice get one,
 * and what they queued in turn another.
 */
async function giveWay(): Promise<void> {
  await nextTurn()
  await nextTurn()
}
