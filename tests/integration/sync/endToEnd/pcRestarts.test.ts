import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PropertyObjectDetail } from '../../../../domain/property/views'
import type { RejectedChange } from '../../../../domain/sync/contract'
import { seedDemoProperty } from '../../../../server/seed/demoProperty'
import { sampleLease } from '../../../support/propertySamples'
import { eventually, type SyncedPc, startSyncedPc } from '../../../support/syncedPc'
import { localRows, serverRows } from './e2eRows'
import { contractNumber, createObject, offline, online } from './e2eSamples'
import { type E2eServer, startE2eServer } from './e2eServer'

// A PC's life outside the happy path, against the real server: a bootstrap cut off after its first
// page, a PC put back from its own backup, and a PC too old for the server.

let s: E2eServer
beforeAll(async () => {
  s = await startE2eServer()
  // Enough property rows for several snapshot pages of 20.
  await seedDemoProperty(s.server.ctx, { objects: 25 })
}, 60_000)
afterAll(async () => {
  await s?.close()
})

const propertyScope = (pc: SyncedPc) =>
  pc.backend.db.$client
    .prepare("SELECT state, snapshot_token AS token FROM sync_scope WHERE scope = 'property'")
    .get() as { state: string; token: string | null } | undefined

describe('a PC', () => {
  it('cut off after the first snapshot page resumes from its token after a restart and ends with the server’s rows', async () => {
    const pc = await s.startPc({ user: null, sync: { snapshotPageSize: 20 } })
    // The request for the second page of property never arrives: the link goes down as it starts.
    pc.network.cutWhen(
      (line) => line.startsWith('GET /v1/sync/snapshot?scope=property') && line.includes('token='),
    )
    await pc.signIn('clerk')
    await eventually(() => pc.network.requests.some((r) => r.includes('scope=property&token=')), 5_000)
    const cut = propertyScope(pc)!
    expect(cut.state).toBe('bootstrapping')
    expect(cut.token).not.toBeNull()
    const firstPage = localRows(pc, 'property')
    expect(firstPage).toHaveLength(20)
    await pc.stop()

    pc.network.plug()
    const seenBefore = pc.network.requests.length
    const again = await startSyncedPc({
      serverUrl: s.url,
      enrolCode: s.code,
      dir: pc.dir,
      sync: { snapshotPageSize: 20 },
    })
    try {
      const resumed = pc.network.requests
        .slice(seenBefore)
        .filter((r) => r.includes('/sync/snapshot?scope=property'))
      // It went on from the saved token: no request started the property snapshot from its beginning.
      expect(resumed.length).toBeGreaterThan(0)
      expect(resumed.every((r) => r.includes('token='))).toBe(true)
      expect(propertyScope(again)!.state).toBe('live')
      const local = localRows(again, 'property')
      expect(local).toEqual(await serverRows(s.server.ctx.db, 'property'))
      expect(local).toEqual(expect.arrayContaining(firstPage))
    } finally {
      await again.stop()
    }
  })

  it('put back from its own backup rotates its epoch, re-pushes what was unconfirmed, and duplicates nothing', async () => {
    const pc = await s.startPc()
    await offline(pc)
    const pending = await createObject(pc, { inventoryNumber: 'E2E-BACKUP-1' })
    const backup = join(pc.dir, 'backup.db')
    await pc.backend.db.$client.backup(backup)
    await online(pc)
    await pc.syncNow()
    expect(pc.outbox()).toEqual([])
    const later = await createObject(pc, { inventoryNumber: 'E2E-BACKUP-2' })
    // Numbers issued after the backup: the backup's number blocks still offer them.
    const issued = [contractNumber(pc), contractNumber(pc)]
    await pc.ok('property.createLease', sampleLease(later, { contractNumber: issued[0]! }))
    await pc.syncNow()
    expect(pc.outbox()).toEqual([])
    const epochBefore = pc.backend.db.$client.prepare('SELECT epoch FROM device_state').pluck().get()

    await pc.stop()
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${pc.file}${suffix}`, { force: true })
    copyFileSync(backup, pc.file)
    const restored = await startSyncedPc({ serverUrl: s.url, enrolCode: s.code, dir: pc.dir })
    try {
      await restored.syncNow()
      const epoch = restored.backend.db.$client.prepare('SELECT epoch FROM device_state').pluck().get()
      expect(epoch).toBe(Number(epochBefore) + 1)
      expect(restored.outbox()).toEqual([])
      expect(await restored.ok<RejectedChange[]>('sync.listRejected', {})).toEqual([])
      for (const id of [pending, later]) {
        expect((await restored.ok<PropertyObjectDetail>('property.get', { id })).id).toBe(id)
      }
      const server = await serverRows(s.server.ctx.db, 'property')
      expect(server.filter((r) => r.endsWith(pending) || r.endsWith(later))).toHaveLength(2)
      expect(localRows(restored, 'property')).toEqual(server)

      // Its old blocks are given up (some of their numbers went out after the backup) for fresh ones.
      const fresh = Array.from({ length: 5 }, () => contractNumber(restored))
      expect(fresh.filter((n) => issued.includes(n))).toEqual([])

      // Under its new epoch it goes on saving and syncing as before.
      const next = await createObject(restored, { inventoryNumber: 'E2E-BACKUP-3' })
      await restored.syncNow()
      expect(restored.outbox()).toEqual([])
      expect(await serverRows(s.server.ctx.db, 'property')).toContain(`propertyObject/${next}`)
    } finally {
      await restored.stop()
    }
  })

  it('put back from its backup and saving as many changes as it lost before it syncs gets a new epoch at push and loses nothing', async () => {
    const pc = await s.startPc()
    const backup = join(pc.dir, 'backup-before-two.db')
    await pc.backend.db.$client.backup(backup)
    const lost = [
      await createObject(pc, { inventoryNumber: 'E2E-REUSE-A' }),
      await createObject(pc, { inventoryNumber: 'E2E-REUSE-B' }),
    ]
    await pc.syncNow()
    expect(pc.outbox()).toEqual([])
    const epochBefore = Number(pc.backend.db.$client.prepare('SELECT epoch FROM device_state').pluck().get())

    await pc.stop()
    await offline(pc)
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${pc.file}${suffix}`, { force: true })
    copyFileSync(backup, pc.file)
    // Offline, the restored PC numbers two new changes with the very sequence numbers of the lost two,
    // so its hello's count matches the server's and only the push can tell.
    const restored = await startSyncedPc({ serverUrl: pc.network.url, enrolCode: s.code, dir: pc.dir })
    try {
      const made = [
        await createObject(restored, { inventoryNumber: 'E2E-REUSE-C' }),
        await createObject(restored, { inventoryNumber: 'E2E-REUSE-D' }),
      ]
      const reusedSeqs = restored.outbox().map((row) => row.seq)
      expect(reusedSeqs).toHaveLength(2)
      await online(pc)
      await restored.syncNow()

      const epoch = Number(
        restored.backend.db.$client.prepare('SELECT epoch FROM device_state').pluck().get(),
      )
      expect(epoch).toBe(epochBefore + 1)
      expect(restored.outbox()).toEqual([])
      expect(await restored.ok<RejectedChange[]>('sync.listRejected', {})).toEqual([])
      const server = await serverRows(s.server.ctx.db, 'property')
      for (const id of [...lost, ...made]) expect(server).toContain(`propertyObject/${id}`)
      expect(localRows(restored, 'property')).toEqual(server)
    } finally {
      await restored.stop()
    }
  })

  it('signed in while the server was away gets a server session once it answers, and pulls without a second sign-in', async () => {
    const pc = await s.startPc()
    const other = await s.startPc()
    await pc.stop()
    await offline(pc)
    const again = await startSyncedPc({ serverUrl: pc.network.url, enrolCode: s.code, dir: pc.dir })
    try {
      expect(again.session).not.toBe('')
      const made = await createObject(other, { inventoryNumber: 'E2E-OFFLINE-SIGNIN' })
      await other.syncNow()
      await again.syncNow()
      expect(localRows(again, 'property')).not.toContain(`propertyObject/${made}`)

      await online(pc)
      await again.syncNow()
      expect(localRows(again, 'property')).toContain(`propertyObject/${made}`)
      expect(localRows(again, 'property')).toEqual(await serverRows(s.server.ctx.db, 'property'))
    } finally {
      await again.stop()
      await other.stop()
    }
  })

  it('older than the server accepts says an update is required and keeps its outbox byte for byte', async () => {
    const pc = await s.startPc()
    await offline(pc)
    await createObject(pc, { inventoryNumber: 'E2E-OLD-1' })
    await createObject(pc, { inventoryNumber: 'E2E-OLD-2' })
    const before = pc.outbox()
    expect(before).toHaveLength(2)
    await pc.stop()
    await online(pc)

    const old = await startSyncedPc({ serverUrl: s.url, enrolCode: s.code, dir: pc.dir, appVersion: '0.0.9' })
    try {
      const status = await old.syncNow()
      expect(status).toMatchObject({ connection: 'updateRequired', pendingChanges: 2 })
      expect(status.lastError).toBe('sync.error.UPDATE_REQUIRED')
      expect(old.outbox()).toEqual(before)
      const server = await serverRows(s.server.ctx.db, 'property')
      expect(server.filter((r) => before.some((o) => r.endsWith(String(o.row_id))))).toEqual([])
    } finally {
      await old.stop()
    }
  })
})
