import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Scope } from '../../../../domain/sync/protocol'
import { createServerContext, POKE_CHANNEL } from '../../../../server/createContext'
import { openPglite } from '../../../../server/db/openPglite'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'

let database: ServerDatabase
beforeAll(async () => {
  database = await openPglite()
})
afterAll(() => database?.close())

const nextPoke = (onPoke: (listener: (scope: Scope, seq: number) => void) => () => void) =>
  new Promise<[Scope, number]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no poke within 2 s')), 2_000)
    const off = onPoke((scope, seq) => {
      clearTimeout(timer)
      off()
      resolve([scope, seq])
    })
  })

describe('pokes on embedded PGlite', () => {
  it('delivers a notify to the onPoke listeners of the same instance', async () => {
    const { ctx, close } = await createServerContext(database)
    try {
      const received = nextPoke(ctx.onPoke)
      await ctx.notify('property', 42)
      expect(await received).toEqual(['property', 42])
    } finally {
      await close()
    }
  })

  it('ignores a garbled payload on the channel and stops calling a listener once unsubscribed', async () => {
    const { ctx, close } = await createServerContext(database)
    try {
      const calls: [Scope, number][] = []
      const off = ctx.onPoke((scope, seq) => calls.push([scope, seq]))
      await database.notify(POKE_CHANNEL, 'not json')
      await database.notify(POKE_CHANNEL, JSON.stringify({ scope: 'police', seq: 1 }))
      const received = nextPoke(ctx.onPoke)
      await ctx.notify('reference', 7)
      await received
      expect(calls).toEqual([['reference', 7]])
      off()
      const again = nextPoke(ctx.onPoke)
      await ctx.notify('budget', 8)
      await again
      expect(calls).toEqual([['reference', 7]])
    } finally {
      await close()
    }
  })
})
