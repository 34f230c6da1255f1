import { readdirSync, readlinkSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { walFlusher } from '../../../db/walFlush'
import { tempStore } from '../../support/tempStore'

/** This process's open descriptors on `path` (Linux: /proc/self/fd). */
const openOn = (path: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path
    } catch {
      return false
    }
  }).length

const clerk = { userId: '0190a3c0-0000-7000-8000-0000000000c1', userName: 'ნინო კაპანაძე' }

describe('flushing the log in the background', () => {
  let store: ReturnType<typeof tempStore> | undefined
  afterEach(() => store?.close())

  it('syncs the log while commits go on, then lets go of the file', async () => {
    store = tempStore()
    const wal = `${store.file}-wal`
    const flusher = walFlusher(store.db.$client)
    const before = openOn(wal)
    for (let n = 0; n < 20; n++) {
      store.write(clerk, [
        {
          op: 'insert',
          entity: 'territorialUnit',
          values: { code: `F${n}`, nameKa: `ე ${n}`, nameEn: `U ${n}` },
        },
      ])
      flusher.afterCommit()
      if (n === 10) await new Promise((resolve) => setTimeout(resolve, 20))
    }
    if (process.platform === 'linux') expect(openOn(wal)).toBe(before + 1)
    await flusher.close()
    if (process.platform === 'linux') expect(openOn(wal)).toBe(before)
    const count = "SELECT count(*) FROM territorial_unit WHERE code LIKE 'F%'"
    expect(store.db.$client.prepare(count).pluck().get()).toBe(20)
  })

  it('changes nothing and throws nothing when there is no log to open', async () => {
    const flusher = walFlusher({ name: '/nonexistent/folder/rustavi.db' } as Database.Database)
    flusher.afterCommit()
    flusher.afterCommit()
    await expect(flusher.close()).resolves.toBeUndefined()
  })
})
