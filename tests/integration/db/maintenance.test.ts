import { afterEach, describe, expect, it } from 'vitest'
import { maintainWhenIdle } from '../../../db/maintenance'
import { mergePropertySearchStep } from '../../../db/property/searchIndex'
import { tempStore } from '../../support/tempStore'

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
      20,
    )
    await new Promise((resolve) => setTimeout(resolve, 120))
    stop()
    expect(ran.length).toBeGreaterThan(1)
    const [log] = store.db.$client.pragma('wal_checkpoint(PASSIVE)') as { log: number }[]
    expect(log?.log).toBe(0)
  })
})
