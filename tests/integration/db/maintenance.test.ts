import { statSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { backgroundCheckpointer } from '../../../db/backgroundCheckpoint'
import { maintainWhenIdle } from '../../../db/maintenance'
import { mergePropertySearchStep } from '../../../db/property/searchIndex'
import { tempStore } from '../../support/tempStore'
import { writeSlice } from '../../support/territorialSlices'

/** Waits (up to 10 s) until `done()` holds. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('idle maintenance', () => {
  let store: ReturnType<typeof tempStore> | undefined
  afterEach(() => store?.close())

  it('keeps FTS merging out of saves: automatic merging is off in the store', () => {
    store = tempStore()
    const config = store.db.$client
      .prepare("SELECT v FROM property_search_config WHERE k = 'automerge'")
      .get()
    expect(config).toEqual({ v: 0 })
  })

  it('runs its tasks between saves and checkpoints the log completely when stopped', async () => {
    store = tempStore()
    const ran: string[] = []
    const stop = maintainWhenIdle(
      store.db,
      [
        (client) => {
          mergePropertySearchStep(client)
          ran.push('merge')
        },
      ],
      { everyMs: 20 },
    )
    await new Promise((resolve) => setTimeout(resolve, 120))
    await stop()
    expect(ran.length).toBeGreaterThan(1)
    const [log] = store.db.$client.pragma('wal_checkpoint(PASSIVE)') as { log: number }[]
    expect(log?.log).toBe(0)
  })

  it('copies the log into the database file in a worker thread, never on the app’s connection', async () => {
    store = tempStore()
    for (let n = 0; n < 100; n++) writeSlice(store, n)
    const client = store.db.$client
    const before = statSync(store.file).size
    const pragmas = vi.spyOn(client, 'pragma')
    const started: string[] = []
    const stop = maintainWhenIdle(store.db, [], {
      everyMs: 20,
      checkpointer: (c) => {
        started.push(c.name)
        return backgroundCheckpointer(c)
      },
    })
    try {
      // The rows reach the database file while the app's connection does nothing.
      await until(() => statSync(store!.file).size > before)
      writeSlice(store, 100)
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(pragmas).not.toHaveBeenCalled()
      // One worker for the store's whole life, not one per checkpoint.
      expect(started).toEqual([store.file])
    } finally {
      await stop()
      pragmas.mockRestore()
    }
  })

  it('checkpoints on the app’s connection when no worker can start', async () => {
    store = tempStore()
    for (let n = 0; n < 100; n++) writeSlice(store, n)
    const before = statSync(store.file).size
    const pragmas = vi.spyOn(store.db.$client, 'pragma')
    const stop = maintainWhenIdle(store.db, [], {
      everyMs: 20,
      checkpointer: () => {
        throw new Error('no worker threads here')
      },
    })
    try {
      await until(() => statSync(store!.file).size > before)
      expect(pragmas).toHaveBeenCalledWith('wal_checkpoint(PASSIVE)')
    } finally {
      await stop()
      pragmas.mockRestore()
    }
  })
})
