import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest'
import { deviceIdentity } from '../../../../db/sync/deviceIdentity'
import { allScopeStates } from '../../../../db/sync/scopeState'
import type { PropertyObjectDetail } from '../../../../domain/property/views'
import type { Conflict, RejectedChange } from '../../../../domain/sync/contract'
import { connectionOf } from '../../../../electron/backend/sync/engine'
import { createSyncHttpClient } from '../../../../electron/backend/sync/httpClient'
import type { ServerDb } from '../../../../server/context'
import { record, serverMeta } from '../../../../server/db/schema'
import { startSyncedPc } from '../../../support/syncedPc'
import { localRows, serverRows, serverValues } from './e2eRows'
import { contractNumber, createObject, laterFirst, offline, online } from './e2eSamples'
import { type E2eServer, type OnlinePc, startE2eServer } from './e2eServer'
import type { ServerBackups } from './serverBackups'

// The central server put back from a backup. Everything it acknowledged after the backup is gone
// from its database, but not from the PCs, which keep confirmed changes: they find out (the operator
// says so with --after-restore, or a PC's hello proves it), send everything again, and converge.
// Registered by serverRestore.test.ts (PGlite) and serverRestorePostgres.test.ts (PostgreSQL).

const confirmedOn = (pc: OnlinePc) =>
  pc.backend.db.$client.prepare('SELECT count(*) FROM confirmed_mutation').pluck().get() as number
const generationOf = (pc: OnlinePc) =>
  pc.backend.db.$client.prepare('SELECT server_generation FROM device_state').pluck().get() as string
const get = (pc: OnlinePc, id: string) => pc.ok<PropertyObjectDetail>('property.get', { id })

async function metaOf(db: ServerDb) {
  const [row] = await db.select().from(serverMeta).where(eq(serverMeta.id, 1))
  if (!row) throw new Error('server_meta has no row')
  return row
}

/** Every conflict record the server holds, as `kind rowId.field: current <- other`. */
async function serverConflicts(db: ServerDb): Promise<string[]> {
  const rows = await db
    .select({ values: record.values })
    .from(record)
    .where(eq(record.entity, 'syncConflict'))
  return rows
    .map(({ values: v }) => v as Record<string, unknown>)
    .map((v) => `${v.kind} ${v.rowId}.${v.field}: ${v.currentValue} <- ${v.otherValue}`)
    .sort()
}

/** A hello with what the PC knows now, as its next round would send it (the round itself waits). */
function helloOf(pc: OnlinePc) {
  const identity = deviceIdentity(pc.backend.db)
  const http = createSyncHttpClient({
    connection: () => connectionOf(pc.backend.db),
    appVersion: '0.1.0',
    getSession: () => null,
  })
  const cursors = Object.fromEntries(
    allScopeStates(pc.backend.db.$client).map((scope) => [scope.scope, scope.cursorSeq]),
  )
  return http.hello({
    lastLocalSeq: identity.lastSeq,
    cursors,
    knownGeneration: identity.serverGeneration,
    clientTime: new Date().toISOString(),
    pendingChanges: 0,
    acknowledged: { epoch: identity.epoch ?? 1, seq: identity.acknowledgedSeq },
  })
}

/** Every number the PC still has to give, until its blocks run out. */
function takeAll(pc: OnlinePc): string[] {
  const numbers: string[] = []
  for (;;) {
    try {
      numbers.push(contractNumber(pc))
    } catch {
      return numbers
    }
  }
}

export function serverRestoreTests(backups: ServerBackups): void {
  let s: E2eServer
  let a: OnlinePc
  let b: OnlinePc
  beforeEach(async () => {
    s = await startE2eServer(await backups.open())
    a = await s.startPc()
    b = await s.startPc()
  }, 60_000)
  afterEach(async () => {
    await s?.close()
  })
  afterAll(() => backups.close())

  /** Both PCs converged on the server: nothing waiting, nothing refused, the same rows, the new generation. */
  async function expectConverged(): Promise<string[]> {
    const server = await serverRows(s.server.ctx.db, 'property')
    const { generation } = await metaOf(s.server.ctx.db)
    for (const pc of [a, b]) {
      expect(pc.outbox()).toEqual([])
      expect(await pc.ok<RejectedChange[]>('sync.listRejected', {})).toEqual([])
      expect(generationOf(pc)).toBe(generation)
      expect(localRows(pc, 'property')).toEqual(server)
    }
    return server
  }

  it('--after-restore: acknowledged changes come back, a later edit of the same field is a conflict, no number twice', async () => {
    const issued: string[] = []
    const x0 = await createObject(a, { inventoryNumber: 'RESTORE-0', notes: 'საწყისი' })
    await a.syncNow()
    await b.syncNow()
    const restoreBackup = await backups.take(s.database)
    const { generation: backedUp } = await metaOf(s.server.ctx.db)

    // After the backup, each acknowledged by the server and confirmed back on its PC.
    const x1 = await createObject(a, { inventoryNumber: 'RESTORE-1' })
    await a.ok('property.update', {
      id: x0,
      version: (await get(a, x0)).version,
      changes: { notes: 'A-მ შეცვალა' },
    })
    // A uses most of its block, so its round leases another that the backup does not know.
    for (let i = 0; i < 45; i++) issued.push(contractNumber(a))
    await a.syncNow()
    const x2 = await createObject(b, { inventoryNumber: 'RESTORE-2' })
    await b.syncNow()
    await a.syncNow()
    for (let i = 0; i < 5; i++) issued.push(contractNumber(a))
    expect(a.outbox()).toEqual([])
    expect(b.outbox()).toEqual([])
    expect(confirmedOn(a)).toBeGreaterThanOrEqual(2)
    expect(confirmedOn(b)).toBeGreaterThanOrEqual(1)
    // Two contract blocks (the first and the top-up); the sanitation receipt block is untouched.
    const blocks = a.backend.db.$client
      .prepare('SELECT series, count(*) AS n FROM number_pool GROUP BY series ORDER BY series')
      .all()
    expect(blocks).toEqual([
      { series: 'contract', n: 2 },
      { series: 'receipt', n: 1 },
    ])
    // And one that never reached the server.
    await offline(a)
    const x3 = await createObject(a, { inventoryNumber: 'RESTORE-3' })

    await s.replaceDatabase(await restoreBackup(), { afterRestore: true })
    await offline(a) // the switch over to the restored server plugged every PC in again
    const meta = await metaOf(s.server.ctx.db)
    expect(meta.generation).not.toBe(backedUp)
    expect(meta.previousGenerations).toEqual([backedUp])
    expect(meta.restoredAtSeq).toBeGreaterThan(0)

    // B comes back first, then a clerk on B edits the field A had changed after the backup.
    await b.syncNow()
    const onB = await get(b, x0)
    expect(onB.notes).toBe('საწყისი')
    await b.ok('property.update', { id: x0, version: onB.version, changes: { notes: 'B-მ შეცვალა' } })
    await b.syncNow()
    await online(a)
    await a.syncNow()
    await b.syncNow()
    await a.syncNow()

    const server = await expectConverged()
    for (const id of [x0, x1, x2, x3]) expect(server).toContain(`propertyObject/${id}`)
    // The later edit (B's) wins; A's, replayed, waits in a conflict record for the head.
    expect((await serverValues(s.server.ctx.db, x0))?.notes).toBe('B-მ შეცვალა')
    for (const pc of [a, b]) expect((await get(pc, x0)).notes).toBe('B-მ შეცვალა')
    const head = await a.signIn('head')
    await a.syncNow(head)
    const conflicts = await a.ok<Conflict[]>('sync.listConflicts', { status: 'open' }, head)
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'concurrentEdit',
        rowId: x0,
        field: 'notes',
        current: expect.objectContaining({ value: 'B-მ შეცვალა' }),
        other: expect.objectContaining({ value: 'A-მ შეცვალა' }),
      }),
    ])
    // Announced once: the PCs' hellos found nothing more to rotate.
    expect((await metaOf(s.server.ctx.db)).previousGenerations).toEqual([backedUp])

    // No number twice: what A issued after the backup, and everything either PC can issue now.
    const all = [...issued, ...takeAll(a), ...takeAll(b)]
    expect(all.length).toBeGreaterThan(issued.length)
    expect(new Set(all).size).toBe(all.length)
  }, 90_000)

  /** A clerk on `pc` sets the object's notes, based on what that PC shows now. */
  async function editNotes(pc: OnlinePc, id: string, notes: string): Promise<void> {
    await pc.ok('property.update', { id, version: (await get(pc, id)).version, changes: { notes } })
  }

  it('sequential edits of one field on two PCs, both replayed after a restore, are no conflict in either replay order', async () => {
    const x = await createObject(a, { inventoryNumber: 'SEQ-X', notes: 'საწყისი' })
    const y = await createObject(a, { inventoryNumber: 'SEQ-Y', notes: 'საწყისი' })
    await a.syncNow()
    await b.syncNow()
    const restoreBackup = await backups.take(s.database)

    // After the backup: on x, A edits first and B edits what it pulled of A's; on y, the other way.
    await editNotes(a, x, 'x: A პირველი')
    await a.syncNow()
    await b.syncNow()
    expect((await get(b, x)).notes).toBe('x: A პირველი')
    await editNotes(b, x, 'x: B მეორე')
    await editNotes(b, y, 'y: B პირველი')
    await b.syncNow()
    await a.syncNow()
    expect((await get(a, y)).notes).toBe('y: B პირველი')
    await editNotes(a, y, 'y: A მეორე')
    await a.syncNow()
    await b.syncNow()
    await a.syncNow()
    expect(a.outbox()).toEqual([])
    expect(b.outbox()).toEqual([])
    // Sequential before the restore too: the server recorded no conflict.
    expect(await serverConflicts(s.server.ctx.db)).toEqual([])

    await s.replaceDatabase(await restoreBackup(), { afterRestore: true })
    // A replays first: on x its edit comes before B's (as first applied), on y after B's.
    await a.syncNow()
    await b.syncNow()
    await a.syncNow()
    await b.syncNow()

    await expectConverged()
    expect((await serverValues(s.server.ctx.db, x))?.notes).toBe('x: B მეორე')
    expect((await serverValues(s.server.ctx.db, y))?.notes).toBe('y: A მეორე')
    for (const pc of [a, b]) {
      expect((await get(pc, x)).notes).toBe('x: B მეორე')
      expect((await get(pc, y)).notes).toBe('y: A მეორე')
    }
    expect(await serverConflicts(s.server.ctx.db)).toEqual([])
  }, 90_000)

  it('an edit made on top of one whose PC was put back to its own backup is no conflict after the server restore', async () => {
    const x = await createObject(a, { inventoryNumber: 'FORGOT-X', notes: 'საწყისი' })
    await a.syncNow()
    await b.syncNow()
    const restoreBackup = await backups.take(s.database)

    // A saves offline and backs its store up while the change waits; then the server applies it.
    await offline(a)
    await editNotes(a, x, 'A პირველი')
    const storeBackup = join(a.dir, 'store-backup.db')
    await a.backend.db.$client.backup(storeBackup)
    await online(a)
    await a.syncNow()
    // B pulls A's change and edits on top of it.
    await b.syncNow()
    expect((await get(b, x)).notes).toBe('A პირველი')
    await editNotes(b, x, 'B მეორე')
    await b.syncNow()
    await a.syncNow()
    expect(await serverConflicts(s.server.ctx.db)).toEqual([])

    // A is put back to its backup: its change is waiting again, and A no longer knows where the
    // server put it. Then the server is put back to its own backup, which had neither change.
    await a.stop()
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${a.file}${suffix}`, { force: true })
    copyFileSync(storeBackup, a.file)
    await s.replaceDatabase(await restoreBackup(), { afterRestore: true })
    const restoredA = await startSyncedPc({ serverUrl: s.url, enrolCode: s.code, dir: a.dir })
    try {
      // B's replay comes first: it names A's change among those it had received before its edit.
      await b.syncNow()
      await restoredA.syncNow()
      await b.syncNow()
      await restoredA.syncNow()

      const server = await serverRows(s.server.ctx.db, 'property')
      for (const pc of [restoredA, b]) {
        expect(pc.outbox()).toEqual([])
        expect(await pc.ok<RejectedChange[]>('sync.listRejected', {})).toEqual([])
        expect(localRows(pc, 'property')).toEqual(server)
        expect((await pc.ok<PropertyObjectDetail>('property.get', { id: x })).notes).toBe('B მეორე')
      }
      expect(await serverConflicts(s.server.ctx.db)).toEqual([])
    } finally {
      await restoredA.stop()
    }
  }, 90_000)

  it('an edit made on top of a new row, both after the backup, is no conflict when both are replayed', async () => {
    const restoreBackup = await backups.take(s.database)
    // After the backup: A registers an object, B pulls it and edits it.
    const x = await createObject(a, { inventoryNumber: 'NEW-X', notes: 'საწყისი' })
    await a.syncNow()
    await b.syncNow()
    await editNotes(b, x, 'B შეასწორა')
    await b.syncNow()
    await a.syncNow()
    expect(await serverConflicts(s.server.ctx.db)).toEqual([])

    await s.replaceDatabase(await restoreBackup(), { afterRestore: true })
    // The new row comes back first (A's first round after the restart may find the server gone),
    // then B's edit of it.
    await a.syncNow()
    await a.syncNow()
    // (B's engine may have replayed its edit on its own by now, after the row: either is fine.)
    expect(await serverValues(s.server.ctx.db, x)).not.toBeNull()
    await b.syncNow()
    await a.syncNow()
    await b.syncNow()

    await expectConverged()
    expect((await serverValues(s.server.ctx.db, x))?.notes).toBe('B შეასწორა')
    expect(await serverConflicts(s.server.ctx.db)).toEqual([])
  }, 90_000)

  it('concurrent edits of one field on two PCs, both replayed after a restore, are a conflict again', async () => {
    const x = await createObject(a, { inventoryNumber: 'CONC-X', notes: 'საწყისი' })
    await a.syncNow()
    await b.syncNow()
    const restoreBackup = await backups.take(s.database)

    // After the backup, both offline, each from the same version.
    await offline(a, b)
    await editNotes(a, x, 'A-ს შენიშვნა')
    await new Promise((resolve) => setTimeout(resolve, 5))
    await editNotes(b, x, 'B-ს შენიშვნა')
    const [later, earlier] = laterFirst([
      [a, 'A-ს შენიშვნა'],
      [b, 'B-ს შენიშვნა'],
    ])
    await online(a, b)
    await a.syncNow()
    await b.syncNow()
    await a.syncNow()
    expect(a.outbox()).toEqual([])
    expect(b.outbox()).toEqual([])
    const beforeRestore = await serverConflicts(s.server.ctx.db)
    expect(beforeRestore).toEqual([`concurrentEdit ${x}.notes: "${later}" <- "${earlier}"`])

    await s.replaceDatabase(await restoreBackup(), { afterRestore: true })
    await b.syncNow()
    await a.syncNow()
    await b.syncNow()
    await a.syncNow()

    await expectConverged()
    expect((await serverValues(s.server.ctx.db, x))?.notes).toBe(later)
    // The restore lost the conflict record; the replays make it again, once.
    expect(await serverConflicts(s.server.ctx.db)).toEqual(beforeRestore)
  }, 90_000)

  it('found at hello without the operator: PCs saying hello at once rotate the generation once', async () => {
    const x0 = await createObject(a, { inventoryNumber: 'AUTO-0' })
    await a.syncNow()
    await b.syncNow()
    const restoreBackup = await backups.take(s.database)
    const { generation: backedUp } = await metaOf(s.server.ctx.db)
    const x1 = await createObject(a, { inventoryNumber: 'AUTO-1' })
    const x2 = await createObject(b, { inventoryNumber: 'AUTO-2' })
    await a.syncNow()
    await b.syncNow()
    await a.syncNow()
    expect(a.outbox()).toEqual([])
    expect(b.outbox()).toEqual([])

    await s.replaceDatabase(await restoreBackup())
    expect((await metaOf(s.server.ctx.db)).generation).toBe(backedUp)
    // Hellos from both PCs at the same moment, each proving the restore, before any round goes on.
    const hellos = [a, b].flatMap((pc) => Array.from({ length: 4 }, () => helloOf(pc)))
    const answers = await Promise.all(hellos)
    expect(new Set(answers.map((h) => h.serverGeneration)).size).toBe(1)
    await Promise.all([a.syncNow(), b.syncNow()])
    const meta = await metaOf(s.server.ctx.db)
    expect(meta.generation).not.toBe(backedUp)
    expect(meta.previousGenerations).toEqual([backedUp])
    await a.syncNow()
    await b.syncNow()
    await a.syncNow()

    const server = await expectConverged()
    for (const id of [x0, x1, x2]) expect(server).toContain(`propertyObject/${id}`)
    expect((await metaOf(s.server.ctx.db)).previousGenerations).toEqual([backedUp])
  }, 90_000)
}
